import { z } from 'zod';
import { MAX_POINTS_PER_BATCH } from './telemetry-limits.ts';

/**
 * The part of a connector's configuration the portal may edit and push (command `reload-config`): its
 * sources, tag mapping and batching. Everything that decides what the agent is allowed to do (broker
 * credentials, PKI, whether security mode None is acceptable, which tags may be written) lives only in the
 * agent's local YAML and is never taken from a pushed configuration.
 */

/** Equipment codes as the plant hierarchy names them ("CM-1"). */
export const ZEquipmentCode = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

/** Tag names within one piece of equipment ("exit_thickness", "zone1.pv"). */
export const ZTagName = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may contain only letters, digits, ".", "_", ":" and "-"');

export const ZSourceId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

const positiveMs = (max: number) =>
  z
    .int('must be a whole number of milliseconds')
    .min(1, 'must be at least 1 ms')
    .max(max, `must be at most ${max} ms`);

export const OPCUA_SECURITY_MODES = ['None', 'Sign', 'SignAndEncrypt'] as const;
export const OPCUA_SECURITY_POLICIES = [
  'None',
  'Basic256Sha256',
  'Aes128_Sha256_RsaOaep',
  'Aes256_Sha256_RsaPss',
] as const;

export const ZDeadband = z.object({
  type: z.enum(['absolute', 'percent'], 'must be "absolute" or "percent"'),
  value: z.number('must be a number').min(0, 'must be at least 0'),
});
export type TDeadband = z.infer<typeof ZDeadband>;

export const ZOpcuaAuth = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('anonymous') }),
    z
      .object({
        type: z.literal('username'),
        username: z.string().min(1, 'must not be empty'),
        /** Inline password (local YAML only) or a file holding it; one of the two. */
        password: z.string().min(1, 'must not be empty').optional(),
        passwordFile: z.string().min(1, 'must not be empty').optional(),
      })
      .refine((a) => (a.password === undefined) !== (a.passwordFile === undefined), {
        message: 'give exactly one of password or passwordFile',
        path: ['password'],
      }),
    z.object({
      type: z.literal('certificate'),
      /** PEM or DER user certificate and its PEM private key. */
      certificateFile: z.string().min(1, 'must not be empty'),
      privateKeyFile: z.string().min(1, 'must not be empty'),
    }),
  ],
  'must have type "anonymous", "username" or "certificate"',
);
export type TOpcuaAuth = z.infer<typeof ZOpcuaAuth>;

export const ZOpcuaTag = z.object({
  /** OPC UA node id, e.g. "ns=1;s=CM1.ExitThickness". */
  nodeId: z.string().min(1, 'must not be empty').max(512, 'must be at most 512 characters'),
  equipment: ZEquipmentCode,
  tag: ZTagName,
  samplingIntervalMs: z.int('must be a whole number').min(0, 'must be at least 0').max(3_600_000).optional(),
  deadband: ZDeadband.optional(),
});
export type TOpcuaTag = z.infer<typeof ZOpcuaTag>;

export const ZOpcuaSource = z
  .object({
    id: ZSourceId,
    kind: z.literal('opcua'),
    endpointUrl: z
      .string()
      .regex(/^opc\.tcp:\/\/[^\s/]+(:\d+)?(\/.*)?$/, 'must be an opc.tcp://host:port URL'),
    securityMode: z
      .enum(OPCUA_SECURITY_MODES, 'must be None, Sign or SignAndEncrypt')
      .default('SignAndEncrypt'),
    securityPolicy: z
      .enum(OPCUA_SECURITY_POLICIES, `must be one of ${OPCUA_SECURITY_POLICIES.join(', ')}`)
      .default('Basic256Sha256'),
    auth: ZOpcuaAuth.default({ type: 'anonymous' }),
    /** `subscribe` (monitored items) or `poll` (periodic Read) for servers without subscriptions. */
    mode: z.enum(['subscribe', 'poll'], 'must be "subscribe" or "poll"').default('subscribe'),
    publishingIntervalMs: positiveMs(3_600_000).default(1000),
    samplingIntervalMs: z.int('must be a whole number').min(0).max(3_600_000).default(500),
    pollIntervalMs: positiveMs(3_600_000).default(1000),
    deadband: ZDeadband.optional(),
    /**
     * After a (re)connect, read the values missed since the last spooled one with HistoryRead, for tags the
     * server historizes (AccessLevel HistoryRead), at most this far back; 0 turns backfill off.
     */
    backfillMaxMs: z
      .int('must be a whole number')
      .min(0)
      .max(7 * 24 * 3_600_000)
      .default(3_600_000),
    /** Monitored-item queue size per tag (values sampled between two publishes). */
    queueSize: z.int().min(1).max(10_000).default(10),
    tags: z.array(ZOpcuaTag).min(1, 'a source needs at least one tag').max(100_000),
  })
  .superRefine((s, ctx) => {
    if ((s.securityMode === 'None') !== (s.securityPolicy === 'None')) {
      ctx.addIssue({
        code: 'custom',
        path: ['securityPolicy'],
        message: 'securityMode None goes with securityPolicy None and only with it',
      });
    }
  });
export type TOpcuaSource = z.infer<typeof ZOpcuaSource>;

export const MODBUS_TYPES = ['int16', 'uint16', 'int32', 'uint32', 'float32'] as const;
export const ZModbusType = z.enum(MODBUS_TYPES, `must be one of ${MODBUS_TYPES.join(', ')}`);
export type TModbusType = z.infer<typeof ZModbusType>;
export const ZByteOrder = z.enum(['big', 'little'], 'must be "big" or "little"');

export const ZModbusTag = z.object({
  equipment: ZEquipmentCode,
  tag: ZTagName,
  table: z.enum(['holding', 'input'], 'must be "holding" or "input"').default('holding'),
  address: z.int('must be a whole number').min(0, 'must be 0..65535').max(65535, 'must be 0..65535'),
  type: ZModbusType.default('uint16'),
  /** Order of the two bytes inside each 16-bit register (big = Modbus standard). */
  byteOrder: ZByteOrder.optional(),
  /** Order of the registers of a 32-bit value (big = high word first). */
  wordOrder: ZByteOrder.optional(),
  /** value = raw * scale + offset */
  scale: z.number('must be a number').default(1),
  offset: z.number('must be a number').default(0),
  deadband: ZDeadband.optional(),
});
export type TModbusTag = z.infer<typeof ZModbusTag>;

export const ZModbusSource = z.object({
  id: ZSourceId,
  kind: z.literal('modbus'),
  host: z.string().min(1, 'must not be empty'),
  port: z.int().min(1, 'must be 1..65535').max(65535, 'must be 1..65535').default(502),
  unitId: z.int().min(0, 'must be 0..255').max(255, 'must be 0..255').default(1),
  pollIntervalMs: positiveMs(3_600_000).default(1000),
  timeoutMs: positiveMs(60_000).default(2000),
  byteOrder: ZByteOrder.default('big'),
  wordOrder: ZByteOrder.default('big'),
  tags: z.array(ZModbusTag).min(1, 'a source needs at least one tag').max(10_000),
});
export type TModbusSource = z.infer<typeof ZModbusSource>;

export const ZSource = z.discriminatedUnion(
  'kind',
  [ZOpcuaSource, ZModbusSource],
  'kind must be "opcua" or "modbus"',
);
export type TSource = z.infer<typeof ZSource>;

export const ZBatching = z.object({
  /**
   * A batch is closed at this many points ... (default the most a batch may hold: every batch is one insert, whose
   * cost is mostly fixed, so a connector with a high rate should fill big batches; a slow one is bounded by time.)
   */
  maxPoints: z
    .int()
    .min(1)
    .max(MAX_POINTS_PER_BATCH, `must be at most ${MAX_POINTS_PER_BATCH} (MAX_POINTS_PER_BATCH)`)
    .default(MAX_POINTS_PER_BATCH),
  /** ... or after this long since its first point. */
  maxDelayMs: positiveMs(60_000).default(250),
});
export type TBatching = z.infer<typeof ZBatching>;

/** Sources with tag mapping; (equipment, tag) is unique across all sources, and so are source ids. */
export const ZSourcesConfig = z
  .object({
    batching: ZBatching.default({ maxPoints: MAX_POINTS_PER_BATCH, maxDelayMs: 250 }),
    sources: z.array(ZSource).max(200),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    const tags = new Map<string, string>();
    c.sources.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'id'],
          message: `duplicate source id "${s.id}"`,
        });
      ids.add(s.id);
      s.tags.forEach((t, j) => {
        const key = `${t.equipment}/${t.tag}`;
        const first = tags.get(key);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', i, 'tags', j, 'tag'],
            message: `${key} is already mapped at ${first}`,
          });
        } else {
          tags.set(key, `sources.${i}.tags.${j}`);
        }
      });
    });
  });
export type TSourcesConfig = z.infer<typeof ZSourcesConfig>;
export type TSourcesConfigInput = z.input<typeof ZSourcesConfig>;
