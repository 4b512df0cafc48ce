import { ZByIdInput } from '@ingot/contracts';
import { getOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getOrderProcedure = tenantProcedure
  .meta({ action: 'order.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getOrder(ctx.tx, ctx.scope, input));
