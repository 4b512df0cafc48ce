import { ZCancelOrderInput } from '@ingot/contracts';
import { cancelOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyOrderLifecycle } from './notify-order-lifecycle.ts';

/** Cancels an order; its lifecycle workflow hears of it and ends. */
export const cancelOrderProcedure = tenantProcedure
  .meta({ action: 'order.cancel' })
  .input(ZCancelOrderInput)
  .mutation(async ({ ctx, input }) => {
    const order = await cancelOrder(ctx.tx, ctx.scope, input);
    const lifecycle = await notifyOrderLifecycle(ctx, {
      tenantId: ctx.scope.tenantId,
      orderId: order.id,
      orderNo: order.orderNo,
      orderStatus: order.status,
      event: { eventId: `cancelled:${order.id}`, kind: 'cancelled' },
      actorUserId: ctx.scope.userId,
    });
    return { ...order, lifecycle };
  });
