import {
  MAX_MESSAGE_BYTES,
  MAX_POINTS_PER_BATCH,
  type TSource,
  ZBatching,
  ZEquipmentCode,
  ZSource,
  ZSourcesConfig,
  ZTagName,
  ZTopicSegment,
} from '@ingot/contracts';
import { z } from 'zod';

/**
 * The agent's local YAML. Sources and batching may later be replaced by a pushed configuration
 * (`reload-config` command); everything else here is local only: the cloud can never change the broker
 * credentials, the PKI, the security policy or the write allow-list.
 */

const MiB = 1024 * 1024;

export const ZMqttConfig = z
  .object({
    /** mqtt://host:1883 or mqtts://host:8883 (TLS). */
    url: z.string().regex(/^mqtts?:\/\/[^\s/]+(:\d+)?\/?$/, 'must be mqtt://host:port or mqtts://host:port'),
    username: z.string().min(1, 'must not be empty').optional(),
    /** Inline password or a file holding it (mode 0600, owned by the agent's user); not both. */
    password: z.string().min(1, 'must not be empty').optional(),
    passwordFile: z.string().min(1, 'must not be empty').optional(),
    tls: z
      .object({
        /** CA bundle that signs the broker's certificate (PEM). Without it the system CAs are used. */
        caFile: z.string().min(1).optional(),
        /** Client certificate and key for mutual TLS (PEM), optional. */
        certFile: z.string().min(1).optional(),
        keyFile: z.string().min(1).optional(),
        /** Expected server name when it differs from the URL's host. */
        serverName: z.string().min(1).optional(),
      })
      .strict()
      .refine((t) => (t.certFile === undefined) === (t.keyFile === undefined), {
        message: 'certFile and keyFile go together',
        path: ['certFile'],
      })
      .optional(),
    /** 5 (default). 4 = MQTT 3.1.1, for brokers without MQTT 5 such as the embedded aedes. */
    protocolVersion: z.union([z.literal(5), z.literal(4)], 'must be 5 (MQTT 5) or 4 (MQTT 3.1.1)').default(5),
    keepaliveS: z.int().min(5, 'must be at least 5 s').max(3600).default(30),
    /** Batches published and not yet acknowledged (PUBACK) at most. */
    inflightWindow: z.int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(32),
    reconnect: z
      .object({
        initialDelayMs: z.int().min(10).max(60_000).default(500),
        maxDelayMs: z.int().min(100).max(600_000).default(30_000),
      })
      .strict()
      .default({ initialDelayMs: 500, maxDelayMs: 30_000 }),
    connectTimeoutMs: z.int().min(100).max(120_000).default(10_000),
  })
  .strict()
  .refine((m) => !(m.password !== undefined && m.passwordFile !== undefined), {
    message: 'give password or passwordFile, not both',
    path: ['password'],
  });

export const ZSpoolConfig = z
  .object({
    /** Payload bytes kept at most; when full the OLDEST batches are dropped (see README). */
    maxBytes: z
      .int('must be a whole number of bytes')
      .min(4 * MAX_MESSAGE_BYTES, `must be at least ${4 * MAX_MESSAGE_BYTES} bytes (4 messages)`)
      .default(512 * MiB),
    /** SQLite synchronous mode: full survives power loss, normal survives a process crash only. */
    synchronous: z.enum(['full', 'normal'], 'must be "full" or "normal"').default('full'),
  })
  .strict();

export const ZWriteAllowEntry = z.object({ equipment: ZEquipmentCode, tag: ZTagName }).strict();

export const ZSecurityConfig = z
  .object({
    /** OPC UA security mode None is refused unless this is true (local file only). */
    allowSecurityNone: z.boolean('must be true or false').default(false),
    /** Tags a `write` command may change; empty = read-only toward equipment (default). */
    writeAllowList: z.array(ZWriteAllowEntry).max(10_000).default([]),
  })
  .strict();

export const ZConnectorConfig = z
  .object({
    connector: z
      .object({
        /** Connector id as issued by the portal (MQTT client id and topic level). */
        id: ZTopicSegment,
        tenant: ZTopicSegment,
        plant: ZTopicSegment,
      })
      .strict(),
    /** Spool database, status file and OPC UA PKI live here. Relative paths are relative to the YAML file. */
    dataDir: z.string().min(1, 'must not be empty'),
    mqtt: ZMqttConfig,
    spool: ZSpoolConfig.default({ maxBytes: 512 * MiB, synchronous: 'full' }),
    status: z
      .object({ intervalMs: z.int().min(1000, 'must be at least 1000 ms').max(3_600_000).default(10_000) })
      .strict()
      .default({ intervalMs: 10_000 }),
    security: ZSecurityConfig.default({ allowSecurityNone: false, writeAllowList: [] }),
    batching: ZBatching.default({ maxPoints: MAX_POINTS_PER_BATCH, maxDelayMs: 250 }),
    sources: z.array(ZSource).max(200).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const sources = ZSourcesConfig.safeParse({ batching: c.batching, sources: c.sources });
    if (!sources.success)
      for (const issue of sources.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    for (const issue of securityPolicyIssues(c.sources, c.security.allowSecurityNone)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
export type TConnectorConfig = z.infer<typeof ZConnectorConfig>;
export type TConnectorConfigInput = z.input<typeof ZConnectorConfig>;

/**
 * The local security policy applied to any source list, local or pushed: security mode None only when the
 * local file allows it.
 */
export function securityPolicyIssues(
  sources: TSource[],
  allowSecurityNone: boolean,
): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  sources.forEach((s, i) => {
    if (s.kind === 'opcua' && s.securityMode === 'None' && !allowSecurityNone) {
      issues.push({
        path: ['sources', i, 'securityMode'],
        message: `security mode None is refused for source "${s.id}" (unsigned, unencrypted); set security.allowSecurityNone: true in the local file to accept it`,
      });
    }
  });
  return issues;
}
