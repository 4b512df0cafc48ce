import { TASK_QUEUES } from '@ingot/contracts';
import { z } from 'zod';

/**
 * The portal's settings, read once from the environment. (The database settings are @ingot/db's own:
 * DATABASE_URL, INGOT_PGLITE_DIR — see packages/db/src/env.ts.)
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const ZWebEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Deployment mode. In production the embedded identity issuer refuses to start (Keycloak is required);
   * NODE_ENV stays Next.js's build/runtime switch.
   */
  INGOT_ENV: z.enum(['development', 'production']).default('development'),
  /** The platform process (server.ts): where to listen. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** PostgreSQL as the owner role: server.ts applies the migrations with it at start (PGlite migrates itself). */
  DATABASE_OWNER_URL: optional(
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  ),
  /** Seed the demo tenants at start (idempotent). On by default: the embedded issuer knows only demo users. */
  INGOT_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Where the embedded identity issuer keeps its signing key (and other local state). */
  INGOT_DATA_DIR: z.string().trim().min(1).optional(),
  /** Temporal frontend (host:port). Unset: tenant provisioning answers that it is unavailable. */
  TEMPORAL_ADDRESS: optional(z.string().trim().min(1)),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  /** The platform task queue; another value keeps two portals on one Temporal server apart (e2e beside npm start). */
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default(TASK_QUEUES.platform),
  /**
   * Keycloak's base URL (`http://127.0.0.1:18080`). Set: people sign in at Keycloak (realm KEYCLOAK_REALM) and the
   * API verifies its tokens against the realm's JWKS. Unset: the embedded issuer at `<INGOT_PUBLIC_URL>/oidc`
   * (refused when INGOT_ENV=production).
   */
  KEYCLOAK_URL: optional(z.url()),
  KEYCLOAK_REALM: z.string().trim().min(1).default('ingot'),
  /**
   * Keycloak admin credentials (development and e2e: the master realm's admin): with INGOT_SEED_DEMO the platform
   * process puts the demo users into the realm. Production invites use the ingot-workflows service account.
   */
  KEYCLOAK_ADMIN_USERNAME: optional(z.string().trim().min(1)),
  KEYCLOAK_ADMIN_PASSWORD: optional(z.string().min(1)),
  /**
   * The confidential client whose service account manages member accounts in the realm (production:
   * `ingot-workflows`, secret from the deployment's secret store). Unset: the admin credentials above, if any.
   */
  KEYCLOAK_CLIENT_ID: optional(z.string().trim().min(1)),
  KEYCLOAK_CLIENT_SECRET: optional(z.string().min(1)),
  /** The portal's own URL as browsers reach it (the embedded issuer's identifier is `<this>/oidc`). */
  INGOT_PUBLIC_URL: optional(z.url()),
  /** Sign out after this long without keyboard, mouse or touch (MLPS: at most 30 minutes). */
  INGOT_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(1800).default(1800),
  /** Lifetime of the embedded issuer's access tokens (Keycloak's is the realm's, 300 s). */
  INGOT_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /**
   * The portal is behind a reverse proxy that sets X-Forwarded-For: take the client address from it (audit trail,
   * rate limits). Off: the TCP peer's address (a client cannot forge it).
   */
  INGOT_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Mark cookies Secure (set when the portal is served over HTTPS). */
  INGOT_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * The platform process's telemetry: `on` (default) the store, embedded broker, ingest, plant simulator and demo
   * connector; `store` the store only (pages read it, nothing is ingested); `off` none of it.
   */
  INGOT_TELEMETRY: z.enum(['on', 'store', 'off']).default('on'),
  /** Loopback port of the embedded MQTT broker; 0 (default) = a free one at each start. */
  INGOT_TELEMETRY_MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(0),
});

export type TWebEnv = z.infer<typeof ZWebEnv>;

export const env: TWebEnv = ZWebEnv.parse(process.env);
