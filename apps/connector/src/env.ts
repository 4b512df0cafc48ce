import { z } from 'zod';

/** The only place the agent reads the environment (CONVENTIONS: one env.ts per package). */
const ZEnv = z.object({
  /** Configuration file when --config is not given. */
  INGOT_CONNECTOR_CONFIG: z.string().min(1).default('/etc/ingot-connector/config.yaml'),
  INGOT_CONNECTOR_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const r = ZEnv.safeParse(source);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`environment variable ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}
