import { fileURLToPath } from 'node:url';
import { TASK_QUEUES } from '@ingot/contracts';
import type { Db } from '@ingot/db';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityHooks, createActivities } from './activities/index.ts';

/** The workflows entry point the bundler starts from. */
export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface PlatformWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  db: Db;
  /** Defaults to TASK_QUEUES.platform; tests use a queue of their own. */
  taskQueue?: string;
  /** A prebuilt bundle (bundleWorkflowCode); without one the Worker bundles WORKFLOWS_PATH itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  hooks?: ActivityHooks;
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
}

/** A Worker of the platform task queue: every workflow of ./workflows and the activities bound to the db. */
export function createPlatformWorker(options: PlatformWorkerOptions): Promise<Worker> {
  const { connection, db, hooks, workflowBundle } = options;
  return Worker.create({
    connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(hooks ? { db, hooks } : { db }),
    shutdownGraceTime: options.shutdownGraceTime ?? '10 seconds',
  });
}
