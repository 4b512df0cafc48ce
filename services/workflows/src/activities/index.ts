import { createSolverPool, type TSolverRunner } from '../solver/solver-pool.ts';
import { advanceOrderStatusActivity, orderProductionStateActivity } from './advance-order-status.ts';
import { createFirstPlantActivity } from './create-first-plant.ts';
import { createTenantActivity } from './create-tenant.ts';
import type { ActivityDeps } from './deps.ts';
import { ensureAdminMembershipActivity } from './ensure-admin-membership.ts';
import { applyLabDecisionActivity, labRequestStateActivity } from './lab-inspection-activities.ts';
import { publishPlanVersionActivity } from './publish-plan-version.ts';
import { recordAuditEventActivity } from './record-audit-event.ts';
import { solvePlanActivity } from './solve-plan.ts';

export type { ActivityDeps, ActivityHooks, TActivityName } from './deps.ts';

/** The activities of the platform task queue, bound to their dependencies. Register the result on a Worker. */
export function createActivities(deps: ActivityDeps) {
  let pool: TSolverRunner | undefined = deps.solver;
  const solver = () => {
    pool ??= createSolverPool();
    return pool;
  };
  return {
    createTenant: createTenantActivity(deps),
    createFirstPlant: createFirstPlantActivity(deps),
    ensureAdminMembership: ensureAdminMembershipActivity(deps),
    recordAuditEvent: recordAuditEventActivity(deps),
    solvePlan: solvePlanActivity(deps, solver),
    publishPlanVersion: publishPlanVersionActivity(deps),
    advanceOrderStatus: advanceOrderStatusActivity(deps),
    orderProductionState: orderProductionStateActivity(deps),
    labRequestState: labRequestStateActivity(deps),
    applyLabDecision: applyLabDecisionActivity(deps),
  };
}

/** What workflows proxy: `proxyActivities<Activities>(...)` with `import type`. */
export type Activities = ReturnType<typeof createActivities>;
