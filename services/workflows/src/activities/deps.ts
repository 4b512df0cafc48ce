import type { TIdentityDirectory } from '@ingot/auth';
import type { Db } from '@ingot/db';
import type { TSolverRunner } from '../solver/solver-pool.ts';

/** Names of the activities, as registered on the Worker. */
export type TActivityName =
  | 'createTenant'
  | 'createFirstPlant'
  | 'ensureAdminMembership'
  | 'recordAuditEvent'
  | 'solvePlan'
  | 'publishPlanVersion'
  | 'advanceOrderStatus'
  | 'orderProductionState'
  | 'labRequestState'
  | 'applyLabDecision';

/**
 * Test seams. Production passes none. `afterCommit` runs after an activity's transaction has committed and before
 * the activity returns: the window in which a crash leaves a written row behind an activity that the server
 * will run again, which is exactly what idempotency by key must survive. `onSolving` runs when a solve has
 * started in the solver thread (a test kills the worker then, mid-solve).
 */
export interface ActivityHooks {
  afterCommit?: (activity: TActivityName) => Promise<void>;
  onSolving?: (info: { attempt: number; requestKey: string }) => void;
}

export interface ActivityDeps {
  db: Db;
  /** Keycloak's admin API when the platform signs in there; null with the embedded development issuer. */
  directory?: TIdentityDirectory | null;
  hooks?: ActivityHooks;
  /** Where solves run (default: a solver thread of this process, created on first use). */
  solver?: TSolverRunner;
}
