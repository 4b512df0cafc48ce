import { ZShipOrderInput } from '@ingot/contracts';
import { shipOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyOrderLifecycle } from './notify-order-lifecycle.ts';

/** Ships some or all of an order's open quantity; the order's lifecycle workflow hears of the shipment. */
export const shipOrderProcedure = tenantProcedure
  .meta({ action: 'order.ship' })
  .input(ZShipOrderInput)
  .mutation(async ({ ctx, input }) => {
    const order = await shipOrder(ctx.tx, ctx.scope, input);
    const shipment = order.shipments.at(-1);
    const kind = order.status === 'shipped' ? 'shipped' : 'partially_shipped';
    const lifecycle = await notifyOrderLifecycle(ctx, {
      tenantId: ctx.scope.tenantId,
      orderId: order.id,
      orderNo: order.orderNo,
      orderStatus: order.status,
      event: {
        eventId: `${kind}:${shipment?.id ?? order.id}`,
        kind,
        ...(shipment ? { shipmentId: shipment.id } : {}),
      },
      actorUserId: ctx.scope.userId,
    });
    return { ...order, lifecycle };
  });
