import { ZListWorkOrdersInput } from '@ingot/contracts';
import { listWorkOrders } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listWorkOrdersProcedure = tenantProcedure
  .meta({ action: 'workOrder.read' })
  .input(ZListWorkOrdersInput)
  .query(({ ctx, input }) => listWorkOrders(ctx.tx, ctx.scope, input));
