import { createFirstPlantActivity } from './create-first-plant.ts';
import { createTenantActivity } from './create-tenant.ts';
import type { ActivityDeps } from './deps.ts';
import { ensureAdminMembershipActivity } from './ensure-admin-membership.ts';
import { recordAuditEventActivity } from './record-audit-event.ts';

export type { ActivityDeps, ActivityHooks, TActivityName } from './deps.ts';

/** The activities of the platform task queue, bound to their dependencies. Register the result on a Worker. */
export function createActivities(deps: ActivityDeps) {
  return {
    createTenant: createTenantActivity(deps),
    createFirstPlant: createFirstPlantActivity(deps),
    ensureAdminMembership: ensureAdminMembershipActivity(deps),
    recordAuditEvent: recordAuditEventActivity(deps),
  };
}

/** What workflows proxy: `proxyActivities<Activities>(...)` with `import type`. */
export type Activities = ReturnType<typeof createActivities>;
