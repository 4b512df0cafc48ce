import { ZCreateCustomerInput } from '@ingot/contracts';
import { createCustomer } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createCustomerProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZCreateCustomerInput)
  .mutation(({ ctx, input }) => createCustomer(ctx.tx, ctx.scope, input));
