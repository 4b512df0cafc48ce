import { getTenant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** The active tenant, with what the caller may do in it (roles, plant scope) so the portal can shape itself. */
export const getTenantProcedure = tenantProcedure.query(async ({ ctx }) => ({
  ...(await getTenant(ctx.tx, ctx.scope)),
  access: { membershipId: ctx.tenant.membershipId, roles: ctx.tenant.roles, plantIds: ctx.tenant.plantIds },
}));
