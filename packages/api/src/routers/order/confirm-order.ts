import { ZByIdInput } from '@ingot/contracts';
import { confirmOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { signalReplan } from '../plan/plan-workflows.ts';
import { notifyOrderLifecycle } from './notify-order-lifecycle.ts';
import { promiseDateProvider } from './promise-date-provider.ts';

/**
 * Confirms an order: work orders, then capable-to-promise for the promised date. Then the order's lifecycle
 * workflow hears `confirmed`, and the plant's planning workflow replans with the new work orders.
 */
export const confirmOrderProcedure = tenantProcedure
  .meta({ action: 'order.confirm' })
  .input(ZByIdInput)
  .mutation(async ({ ctx, input }) => {
    const order = await confirmOrder(ctx.tx, ctx.scope, input, promiseDateProvider);
    const lifecycle = await notifyOrderLifecycle(ctx, {
      tenantId: ctx.scope.tenantId,
      orderId: order.id,
      orderNo: order.orderNo,
      orderStatus: order.status,
      event: { eventId: `confirmed:${order.id}`, kind: 'confirmed' },
      actorUserId: ctx.scope.userId,
    });
    const replan = await signalReplan(ctx, {
      tenantId: ctx.scope.tenantId,
      plantId: order.plant.id,
      plantCode: order.plant.code,
      signal: 'replan',
      trigger: 'order_confirmed',
      requestId: `confirmed:${order.id}`,
      requestedBy: ctx.scope.userId,
      orderId: order.id,
    });
    return { ...order, lifecycle, replan };
  });
