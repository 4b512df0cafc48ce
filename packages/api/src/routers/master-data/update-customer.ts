import { ZUpdateCustomerInput } from '@ingot/contracts';
import { updateCustomer } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateCustomerProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZUpdateCustomerInput)
  .mutation(({ ctx, input }) => updateCustomer(ctx.tx, ctx.scope, input));
