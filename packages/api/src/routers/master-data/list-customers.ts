import { ZListCustomersInput } from '@ingot/contracts';
import { listCustomers } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listCustomersProcedure = tenantProcedure
  .meta({ action: 'masterData.read' })
  .input(ZListCustomersInput)
  .query(({ ctx, input }) => listCustomers(ctx.tx, ctx.scope, input));
