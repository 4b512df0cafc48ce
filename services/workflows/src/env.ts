import { TASK_QUEUES } from '@ingot/contracts';
import { z } from 'zod';

/**
 * The worker's environment, read once. The launcher (infra/local/up, npm start) passes TEMPORAL_ADDRESS;
 * DATABASE_URL is read by createDbFromEnv in @ingot/db.
 */
const ZWorkerEnv = z.object({
  TEMPORAL_ADDRESS: z
    .string({
      error: 'TEMPORAL_ADDRESS is required (host:port of the Temporal frontend; run infra/local/up)',
    })
    .regex(/^[^\s:]+:\d+$/, 'TEMPORAL_ADDRESS must be host:port, e.g. 127.0.0.1:17233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Defaults to TASK_QUEUES.platform; another value isolates a worker (tests, two checkouts on one server). */
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.platform),
  /** Keycloak (optional): the first administrator of a new tenant gets an account there. */
  KEYCLOAK_URL: z.url().optional(),
  KEYCLOAK_REALM: z.string().trim().min(1).default('ingot'),
  /** The `ingot-workflows` service account; in development the master admin's credentials instead. */
  KEYCLOAK_CLIENT_ID: z.string().trim().min(1).optional(),
  KEYCLOAK_CLIENT_SECRET: z.string().min(1).optional(),
  KEYCLOAK_ADMIN_USERNAME: z.string().trim().min(1).optional(),
  KEYCLOAK_ADMIN_PASSWORD: z.string().min(1).optional(),
  /** How long a stopping worker lets running activities finish before cancelling them. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10_000),
});
export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;

export function readWorkerEnv(source: Record<string, string | undefined> = process.env): TWorkerEnv {
  const parsed = ZWorkerEnv.safeParse(source);
  if (!parsed.success) throw new Error(`invalid worker environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
