import { ZUpdateTenantInput } from '@ingot/contracts';
import { updateTenant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateTenantProcedure = tenantProcedure
  .meta({ action: 'tenant.update' })
  .input(ZUpdateTenantInput)
  .mutation(({ ctx, input }) => updateTenant(ctx.tx, ctx.scope, input));
