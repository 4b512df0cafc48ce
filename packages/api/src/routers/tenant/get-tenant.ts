import { getTenant } from '@ingot/domain';
import { allowedActions } from '../../permissions/permission-table.ts';
import { tenantProcedure } from '../../trpc.ts';

/** The active tenant, with what the caller may do in it (roles, plant scope) so the portal can shape itself. */
export const getTenantProcedure = tenantProcedure.meta({ action: 'tenant.read' }).query(async ({ ctx }) => ({
  ...(await getTenant(ctx.tx, ctx.scope)),
  access: {
    membershipId: ctx.tenant.membershipId,
    roles: ctx.tenant.roles,
    plantIds: ctx.tenant.plantIds,
    // What the permission table grants these roles: the portal shows or hides buttons by it (it never decides).
    actions: allowedActions(ctx.tenant.roles),
  },
}));
