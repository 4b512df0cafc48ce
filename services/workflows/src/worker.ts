/**
 * The platform worker process: `npm run worker -w @ingot/workflows` (tsx). Reads TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE and DATABASE_URL; polls TEMPORAL_TASK_QUEUE (default TASK_QUEUES.platform) until SIGINT/SIGTERM, then lets running
 * activities finish (WORKER_SHUTDOWN_GRACE_MS) and exits 0. Exits 1 when it cannot connect or the worker fails:
 * a Worker that could not connect may otherwise keep the process alive.
 */
import { createKeycloakDirectoryFromSettings } from '@ingot/auth';
import { createDbFromEnv } from '@ingot/db';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { readWorkerEnv, type TWorkerEnv } from './env.ts';
import { createPlatformWorker } from './platform-worker.ts';

async function main(): Promise<number> {
  let env: TWorkerEnv;
  try {
    env = readWorkerEnv();
  } catch (err) {
    console.error(`[workflows] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  // The runtime turns the first SIGINT/SIGTERM into worker.shutdown(); before the worker exists, or on a second
  // signal, we exit at once.
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  let worker: Worker | undefined;
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      signals += 1;
      if (!worker || signals > 1) {
        console.error(`[workflows] ${signal}: exiting without waiting for running activities`);
        process.exit(130);
      }
      console.log(`[workflows] ${signal}: draining (up to ${env.WORKER_SHUTDOWN_GRACE_MS} ms)`);
    });
  }

  let connection: NativeConnection;
  try {
    connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  } catch (err) {
    console.error(
      `[workflows] cannot connect to Temporal at ${env.TEMPORAL_ADDRESS} (is it running? infra/local/up):`,
      err instanceof Error ? err.message : err,
    );
    return 1;
  }

  const db = createDbFromEnv();
  try {
    worker = await createPlatformWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      db,
      directory: env.KEYCLOAK_URL
        ? createKeycloakDirectoryFromSettings({
            baseUrl: env.KEYCLOAK_URL,
            realm: env.KEYCLOAK_REALM,
            clientId: env.KEYCLOAK_CLIENT_ID,
            clientSecret: env.KEYCLOAK_CLIENT_SECRET,
            adminUsername: env.KEYCLOAK_ADMIN_USERNAME,
            adminPassword: env.KEYCLOAK_ADMIN_PASSWORD,
          })
        : null,
      shutdownGraceTime: env.WORKER_SHUTDOWN_GRACE_MS,
    });
    console.log(
      `[workflows] worker polling ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS} (namespace ${env.TEMPORAL_NAMESPACE})`,
    );
    await worker.run();
    console.log('[workflows] worker stopped');
    return 0;
  } catch (err) {
    console.error('[workflows] worker failed:', err);
    return 1;
  } finally {
    await connection.close().catch(() => undefined);
    await db.close().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[workflows] fatal:', err);
    process.exit(1);
  },
);
