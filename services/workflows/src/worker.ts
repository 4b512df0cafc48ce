/**
 * The platform worker process: `npm run worker -w @ingot/workflows` (tsx). Reads TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE and DATABASE_URL; polls TASK_QUEUES.platform until SIGINT/SIGTERM, then lets running
 * activities finish (WORKER_SHUTDOWN_GRACE_MS) and exits 0. Exits 1 when it cannot connect or the worker fails:
 * a Worker that could not connect may otherwise keep the process alive.
 */
import { TASK_QUEUES } from '@ingot/contracts';
import { createDbFromEnv } from '@ingot/db';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { readWorkerEnv } from './env.ts';
import { createPlatformWorker } from './platform-worker.ts';

async function main(): Promise<number> {
  const env = readWorkerEnv();
  // The runtime turns the first SIGINT/SIGTERM into worker.shutdown(); a second one forces the exit.
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      signals += 1;
      if (signals > 1) {
        console.error(`[workflows] second ${signal}: exiting without waiting for running activities`);
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
    const worker = await createPlatformWorker({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      db,
      shutdownGraceTime: env.WORKER_SHUTDOWN_GRACE_MS,
    });
    console.log(
      `[workflows] worker polling ${TASK_QUEUES.platform} on ${env.TEMPORAL_ADDRESS} (namespace ${env.TEMPORAL_NAMESPACE})`,
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
