import { ZUpdateTenantInput } from '@ingot/contracts';
import { updateTenant } from '@ingot/domain';
import { tenantAdminProcedure } from '../../trpc.ts';

export const updateTenantProcedure = tenantAdminProcedure
  .input(ZUpdateTenantInput)
  .mutation(({ ctx, input }) => updateTenant(ctx.tx, ctx.scope, input));
