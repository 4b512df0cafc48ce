import { z } from 'zod';

/**
 * The portal's settings, read once from the environment. (The database settings are @ingot/db's own:
 * DATABASE_URL, INGOT_PGLITE_DIR — see packages/db/src/env.ts.)
 */
const ZWebEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the embedded identity issuer keeps its signing key (and other local state). */
  INGOT_DATA_DIR: z.string().trim().min(1).optional(),
  /** Temporal frontend (host:port). Unset: tenant provisioning answers that it is unavailable. */
  TEMPORAL_ADDRESS: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  /** Mark cookies Secure (set when the portal is served over HTTPS). */
  INGOT_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type TWebEnv = z.infer<typeof ZWebEnv>;

export const env: TWebEnv = ZWebEnv.parse(process.env);
