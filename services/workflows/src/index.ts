/**
 * @ingot/workflows. Callers that start or watch workflows import `@ingot/workflows/client`; this entry adds the
 * activities factory (for workers and tests). The worker process itself is src/worker.ts.
 */
export {
  type Activities,
  type ActivityDeps,
  type ActivityHooks,
  createActivities,
} from './activities/index.ts';
export * from './client.ts';
export { createPlatformWorker, type PlatformWorkerOptions, WORKFLOWS_PATH } from './platform-worker.ts';
export { FAILURE_TYPES, type TFailureType } from './workflows/failure-types.ts';
