import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

/** Empty strings count as unset (a blank line in an env file should not switch databases). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const ZDbEnv = z.object({
  /** The application's connection (role ingot_app). Set: PostgreSQL. Unset: embedded PGlite. */
  DATABASE_URL: optional(postgresUrl),
  /** Where the embedded PGlite keeps its data. Default `<repo>/.ingot/pglite`; `memory://` for a throwaway. */
  INGOT_PGLITE_DIR: optional(z.string().trim().min(1)),
  /** Size of the pg pool per process. */
  DATABASE_POOL_MAX: optional(z.coerce.number().int().min(1).max(500)),
});
export type TDbEnv = z.infer<typeof ZDbEnv>;

/** The database settings of this process. Read when called (not at import), so tests can set them first. */
export function readDbEnv(source: Record<string, string | undefined> = process.env): TDbEnv {
  const parsed = ZDbEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`@ingot/db: invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
