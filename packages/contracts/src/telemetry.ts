import { z } from 'zod';
import { ZEquipmentCode, ZSourceId, ZSourcesConfig, ZTagName } from './telemetry-config.ts';
import { MAX_MESSAGE_BYTES, MAX_POINTS_PER_BATCH } from './telemetry-limits.ts';
import { ZTopicSegment } from './telemetry-topics.ts';

export * from './telemetry-config.ts';
export * from './telemetry-topics.ts';

/**
 * Telemetry messages, version v1 (JSON, UTF-8). Every message carries `v: 1`; a v2 gets new schemas beside
 * these. The connector id inside a message must equal the broker-authenticated identity; ingest rejects a
 * message whose connectorId differs (it is there for logs and dedup, never for authorization).
 */
export const TELEMETRY_SCHEMA_VERSION = 1 as const;

export { MAX_MESSAGE_BYTES, MAX_POINTS_PER_BATCH } from './telemetry-limits.ts';
/** Characters of a string value. */
export const MAX_STRING_VALUE_LENGTH = 256;
/** Characters of free text (alarm message, error text). */
export const MAX_TEXT_LENGTH = 1000;

/** Milliseconds since the Unix epoch (UTC); years 2000..2100 to catch seconds/microseconds mix-ups. */
export const ZEpochMs = z
  .int('must be an integer number of milliseconds since the epoch')
  .min(946_684_800_000, 'must be milliseconds since the epoch, after 2000-01-01')
  .max(4_102_444_800_000, 'must be milliseconds since the epoch, before 2100-01-01');

export const QUALITIES = ['good', 'uncertain', 'bad'] as const;
export const ZQuality = z.enum(QUALITIES, 'must be "good", "uncertain" or "bad"');
export type TQuality = z.infer<typeof ZQuality>;

export const ZPointValue = z.union(
  [
    z.number().refine(Number.isFinite, 'must be finite'),
    z.boolean(),
    z.string().max(MAX_STRING_VALUE_LENGTH, `must be at most ${MAX_STRING_VALUE_LENGTH} characters`),
  ],
  'must be a number, a boolean or a string',
);
export type TPointValue = z.infer<typeof ZPointValue>;

export const ZTelemetryPoint = z.strictObject({
  equipment: ZEquipmentCode,
  tag: ZTagName,
  /** Source timestamp (device or server), epoch ms. */
  ts: ZEpochMs,
  /** null only with quality "bad" (no value could be read). */
  value: ZPointValue.nullable(),
  quality: ZQuality,
});
export type TTelemetryPoint = z.infer<typeof ZTelemetryPoint>;

export const ZConnectorId = ZTopicSegment;
/** Monotonic per connector, persisted by its spool, so restarts continue the sequence. */
export const ZBatchSeq = z
  .int('must be an integer')
  .min(0, 'must be at least 0')
  .max(Number.MAX_SAFE_INTEGER);

export const ZTelemetryBatch = z.strictObject({
  v: z.literal(TELEMETRY_SCHEMA_VERSION, 'must be 1'),
  connectorId: ZConnectorId,
  batchSeq: ZBatchSeq,
  /** When the batch was closed by the connector (epoch ms); lag = receive time - sentAt. */
  createdAt: ZEpochMs,
  points: z
    .array(ZTelemetryPoint)
    .min(1, 'a batch has at least one point')
    .max(MAX_POINTS_PER_BATCH, `a batch has at most ${MAX_POINTS_PER_BATCH} points`),
});
export type TTelemetryBatch = z.infer<typeof ZTelemetryBatch>;

/** ingest's dedup key (ClickHouse insert_deduplication_token). */
export function batchDedupToken(batch: Pick<TTelemetryBatch, 'connectorId' | 'batchSeq'>): string {
  return `${batch.connectorId}:${batch.batchSeq}`;
}

export const SOURCE_STATES = ['connected', 'connecting', 'disconnected', 'error'] as const;

export const ZSourceStatus = z.strictObject({
  id: ZSourceId,
  kind: z.enum(['opcua', 'modbus']),
  state: z.enum(SOURCE_STATES),
  tags: z.int().min(0),
  lastValueAt: ZEpochMs.nullable(),
  lastError: z.string().max(MAX_TEXT_LENGTH).nullable(),
});
export type TSourceStatus = z.infer<typeof ZSourceStatus>;

export const ZSpoolStatus = z.strictObject({
  /** Batches and points waiting for PUBACK. */
  depthBatches: z.int().min(0),
  depthPoints: z.int().min(0),
  bytes: z.int().min(0),
  maxBytes: z.int().min(0),
  /** createdAt of the oldest unacknowledged batch. */
  oldestAt: ZEpochMs.nullable(),
  /** Points dropped because the spool was full, since the spool was created. */
  droppedPoints: z.int().min(0),
  droppedBatches: z.int().min(0),
  nextBatchSeq: ZBatchSeq,
});
export type TSpoolStatus = z.infer<typeof ZSpoolStatus>;

/** Heartbeat on the status topic (every status interval, and at once on connect). */
export const ZConnectorHeartbeat = z.strictObject({
  v: z.literal(TELEMETRY_SCHEMA_VERSION, 'must be 1'),
  kind: z.literal('heartbeat'),
  connectorId: ZConnectorId,
  ts: ZEpochMs,
  /** Agent version (package.json). */
  version: z.string().min(1).max(64),
  uptimeS: z.number().min(0),
  /** Version of the sources configuration in use (local file hash or pushed configVersion). */
  configVersion: z.string().max(128),
  spool: ZSpoolStatus,
  /** now - createdAt of the oldest unacknowledged batch, 0 when the spool is empty. */
  lagMs: z.int().min(0),
  /** Points read from sources per second, over the last status interval. */
  pointsPerS: z.number().min(0),
  /** Points acknowledged by the broker per second, over the last status interval. */
  publishedPerS: z.number().min(0),
  sources: z.array(ZSourceStatus).max(200),
});
export type TConnectorHeartbeat = z.infer<typeof ZConnectorHeartbeat>;

/** Last will, published by the broker when the connector's session dies without a clean disconnect. */
export const ZConnectorOffline = z.strictObject({
  v: z.literal(TELEMETRY_SCHEMA_VERSION, 'must be 1'),
  kind: z.literal('offline'),
  connectorId: ZConnectorId,
  /** When the session that left this will was opened. */
  since: ZEpochMs,
});
export type TConnectorOffline = z.infer<typeof ZConnectorOffline>;

export const ZTelemetryStatus = z.discriminatedUnion('kind', [ZConnectorHeartbeat, ZConnectorOffline]);
export type TTelemetryStatus = z.infer<typeof ZTelemetryStatus>;

/** Alarms raised by the connector itself (process alarms are evaluated by ingest from the points). */
export const CONNECTOR_ALARM_CODES = [
  'spool-overflow',
  'source-down',
  'source-security',
  'config-invalid',
  'write-denied',
  'write-failed',
] as const;
export const ZConnectorAlarmCode = z.enum(CONNECTOR_ALARM_CODES);
export type TConnectorAlarmCode = z.infer<typeof ZConnectorAlarmCode>;

export const ZTelemetryAlarm = z.strictObject({
  v: z.literal(TELEMETRY_SCHEMA_VERSION, 'must be 1'),
  connectorId: ZConnectorId,
  ts: ZEpochMs,
  code: ZConnectorAlarmCode,
  severity: z.enum(['info', 'warning', 'critical']),
  /** raised, then cleared when the condition ends (e.g. the spool drains below its high-water mark). */
  state: z.enum(['raised', 'cleared']),
  /** Source id, tag or other subject the alarm is about; with code it identifies one alarm. */
  subject: z.string().max(200).default(''),
  message: z.string().max(MAX_TEXT_LENGTH),
  details: z
    .record(z.string().max(64), z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.boolean(), z.null()]))
    .default({}),
});
export type TTelemetryAlarm = z.infer<typeof ZTelemetryAlarm>;

const commandBase = {
  v: z.literal(TELEMETRY_SCHEMA_VERSION, 'must be 1'),
  /** Unique per command; the reply carries it. */
  id: z.string().min(1).max(64),
  issuedAt: ZEpochMs,
  /** The connector ignores (and replies "expired" to) a command received after this. */
  expiresAt: ZEpochMs.optional(),
};

/**
 * Configuration push: `config` replaces the connector's sources and batching (validated by the agent before
 * use; the old configuration stays on error). Without `config`, the agent re-reads its local YAML.
 */
export const ZReloadConfigCommand = z.strictObject({
  ...commandBase,
  type: z.literal('reload-config'),
  configVersion: z.string().min(1).max(128).optional(),
  config: ZSourcesConfig.optional(),
});

/** Write one value to a tag; executed only if (equipment, tag) is on the agent's local write allow-list. */
export const ZWriteCommand = z.strictObject({
  ...commandBase,
  type: z.literal('write'),
  equipment: ZEquipmentCode,
  tag: ZTagName,
  value: z.union([
    z.number().refine(Number.isFinite, 'must be finite'),
    z.boolean(),
    z.string().max(MAX_STRING_VALUE_LENGTH),
  ]),
});

/** Publish a heartbeat now (the portal's "refresh"). */
export const ZStatusCommand = z.strictObject({ ...commandBase, type: z.literal('status') });
export const ZPingCommand = z.strictObject({ ...commandBase, type: z.literal('ping') });

export const COMMAND_TYPES = ['reload-config', 'write', 'status', 'ping'] as const;
export const ZTelemetryCommand = z.discriminatedUnion(
  'type',
  [ZReloadConfigCommand, ZWriteCommand, ZStatusCommand, ZPingCommand],
  `type must be one of ${COMMAND_TYPES.join(', ')}`,
);
export type TTelemetryCommand = z.infer<typeof ZTelemetryCommand>;
export type TTelemetryCommandInput = z.input<typeof ZTelemetryCommand>;

export const COMMAND_ERROR_CODES = [
  'invalid',
  'expired',
  'not-allowed',
  'unknown-tag',
  'source-unavailable',
  'failed',
] as const;

/** The connector's answer to a command, on the reply topic. */
export const ZTelemetryReply = z.strictObject({
  v: z.literal(TELEMETRY_SCHEMA_VERSION, 'must be 1'),
  connectorId: ZConnectorId,
  /** The command id, or "" when the command could not be parsed far enough to read it. */
  commandId: z.string().max(64),
  ts: ZEpochMs,
  ok: z.boolean(),
  error: z
    .strictObject({ code: z.enum(COMMAND_ERROR_CODES), message: z.string().max(MAX_TEXT_LENGTH) })
    .optional(),
  /** e.g. the configVersion now in use. */
  result: z
    .record(z.string().max(64), z.union([z.string().max(MAX_TEXT_LENGTH), z.number(), z.boolean(), z.null()]))
    .optional(),
});
export type TTelemetryReply = z.infer<typeof ZTelemetryReply>;

/** Bytes of a message as it goes on the wire (UTF-8 JSON). */
export function messageBytes(message: unknown): number {
  return utf8.encode(JSON.stringify(message)).byteLength;
}

// TextEncoder/TextDecoder rather than Buffer: the portal's browser code imports these contracts too.
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export type TDecodeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Decodes a payload with a schema: size limit first (before JSON.parse), then JSON, then the schema.
 * The error names the first wrong field ("points.3.ts: must be ...").
 */
export function decodeMessage<T>(schema: z.ZodType<T>, payload: Uint8Array | string): TDecodeResult<T> {
  const bytes = typeof payload === 'string' ? utf8.encode(payload).byteLength : payload.byteLength;
  if (bytes > MAX_MESSAGE_BYTES)
    return { ok: false, error: `payload is ${bytes} bytes, over the limit of ${MAX_MESSAGE_BYTES}` };
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : utf8Decoder.decode(payload));
  } catch {
    return { ok: false, error: 'payload is not valid UTF-8 JSON' };
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `${where}${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: r.data };
}
