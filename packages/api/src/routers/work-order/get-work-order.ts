import { ZByIdInput } from '@ingot/contracts';
import { getWorkOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getWorkOrderProcedure = tenantProcedure
  .meta({ action: 'workOrder.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getWorkOrder(ctx.tx, ctx.scope, input));
