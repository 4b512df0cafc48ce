import { fileURLToPath } from 'node:url';
import type { TIdentityDirectory } from '@ingot/auth';
import { TASK_QUEUES } from '@ingot/contracts';
import type { Db } from '@ingot/db';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type ActivityHooks, createActivities } from './activities/index.ts';
import type { TSolverRunner } from './solver/solver-pool.ts';

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
  /** Keycloak's admin API (the first administrator's account is created there); null with the embedded issuer. */
  directory?: TIdentityDirectory | null;
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /** Where plan solves run; default: a solver thread of this process, started on first use. */
  solver?: TSolverRunner;
}

/** A Worker of the platform task queue: every workflow of ./workflows and the activities bound to the db. */
export function createPlatformWorker(options: PlatformWorkerOptions): Promise<Worker> {
  const { connection, db, hooks, workflowBundle, directory = null, solver } = options;
  return Worker.create({
    connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities({
      db,
      directory,
      ...(hooks ? { hooks } : {}),
      ...(solver ? { solver } : {}),
    }),
    shutdownGraceTime: options.shutdownGraceTime ?? '10 seconds',
  });
}
