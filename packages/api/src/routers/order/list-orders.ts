import { ZListOrdersInput } from '@ingot/contracts';
import { listOrders } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listOrdersProcedure = tenantProcedure
  .meta({ action: 'order.read' })
  .input(ZListOrdersInput)
  .query(({ ctx, input }) => listOrders(ctx.tx, ctx.scope, input));
