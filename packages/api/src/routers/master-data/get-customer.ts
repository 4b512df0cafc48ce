import { ZByIdInput } from '@ingot/contracts';
import { getCustomer } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getCustomerProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getCustomer(ctx.tx, ctx.scope, input));
