/**
 * A platform worker in a process of its own, for tests that kill it (SIGKILL) in the middle of a workflow.
 * Start it with `node --import tsx worker-process.ts '<json WorkerProcessConfig>'` (not the tsx CLI, which
 * would put a wrapper process between the test and the worker). It reports on stdout, one JSON line each:
 *   {"event":"ready"}                           polling the task queue
 *   {"event":"committed","activity":"..."}      an activity's transaction committed (when blockAfterCommit names
 *                                               it, the activity then never returns: kill the process now)
 *   {"event":"solving","attempt":n,...}        a plan solve started in the solver thread (kill it mid-solve)
 */
import { createDb } from '@ingot/db';
import { NativeConnection } from '@temporalio/worker';
import type { TActivityName } from '../activities/index.ts';
import { createPlatformWorker } from '../platform-worker.ts';

export interface WorkerProcessConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  databaseUrl: string;
  /** A file written from bundleWorkflowCode().code, so the child does not bundle again. */
  workflowBundlePath: string;
  blockAfterCommit?: TActivityName;
}

export type WorkerProcessEvent =
  | { event: 'ready' }
  | { event: 'committed'; activity: TActivityName }
  | { event: 'solving'; attempt: number; requestKey: string };

function report(event: WorkerProcessEvent): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(): Promise<void> {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: worker-process.ts <json config>');
  const config = JSON.parse(raw) as WorkerProcessConfig;
  const connection = await NativeConnection.connect({ address: config.address });
  const db = createDb(config.databaseUrl);
  const worker = await createPlatformWorker({
    connection,
    namespace: config.namespace,
    taskQueue: config.taskQueue,
    db,
    workflowBundle: { codePath: config.workflowBundlePath },
    hooks: {
      async afterCommit(activity) {
        report({ event: 'committed', activity });
        if (activity === config.blockAfterCommit) await new Promise<never>(() => {});
      },
      onSolving(info) {
        report({ event: 'solving', ...info });
      },
    },
  });
  report({ event: 'ready' });
  await worker.run();
  await connection.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('[worker-process]', err);
    process.exit(1);
  },
);
