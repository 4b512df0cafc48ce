import { z } from 'zod';

/**
 * What ingest and the broker hooks read from the environment (the one place that does).
 * - INGEST_MQTT_PASSWORD: the password of the service identities `ingot-ingest-<n>` (16+ characters).
 * - INGEST_REPLICAS: how many ingest replicas may log in (usernames ingot-ingest-0 .. -<n-1>).
 * - INGOT_EMQX_HOOK_SECRET: the bearer secret EMQX sends to /api/mqtt/authn and /api/mqtt/authz.
 */
const ZEnv = z.object({
  INGEST_MQTT_PASSWORD: z.string().min(16, 'must be at least 16 characters').optional(),
  INGEST_REPLICAS: z.coerce.number().int().min(1).max(64).default(4),
  INGOT_EMQX_HOOK_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
  // The standalone replica (bin/ingest.ts) against an external broker:
  MQTT_URL: z
    .string()
    .regex(/^mqtts?:\/\//, 'must be an mqtt:// or mqtts:// URL')
    .optional(),
  INGEST_REPLICA: z.coerce.number().int().min(0).max(63).default(0),
  /** `secret` derives the group from INGEST_MQTT_PASSWORD (required with Mosquitto); else a plain name. */
  INGEST_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-" only')
    .default('ingest'),
  CLICKHOUSE_URL: z.string().url().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  INGEST_CHDB_DIR: z.string().optional(),
  INGEST_DEAD_LETTER_DIR: z.string().optional(),
});

export type TIngestEnv = z.infer<typeof ZEnv>;

export function readIngestEnv(source: Record<string, string | undefined> = process.env): TIngestEnv {
  const r = ZEnv.safeParse(source);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`@ingot/ingest environment: ${i?.path.join('.')}: ${i?.message}`);
  }
  return r.data;
}

/** The service accounts of the ingest replicas (username = client id, one per replica). */
export function serviceAccounts(env: TIngestEnv): Array<{ username: string; password: string }> {
  if (!env.INGEST_MQTT_PASSWORD) return [];
  const password = env.INGEST_MQTT_PASSWORD;
  return Array.from({ length: env.INGEST_REPLICAS }, (_, i) => ({ username: `ingot-ingest-${i}`, password }));
}
