import { ZCancelOrderInput } from '@ingot/contracts';
import { cancelOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const cancelOrderProcedure = tenantProcedure
  .meta({ action: 'order.cancel' })
  .input(ZCancelOrderInput)
  .mutation(({ ctx, input }) => cancelOrder(ctx.tx, ctx.scope, input));
