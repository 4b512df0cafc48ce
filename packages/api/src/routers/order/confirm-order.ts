import { ZByIdInput } from '@ingot/contracts';
import { confirmOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyOrderLifecycle } from './notify-order-lifecycle.ts';
import { promiseDateProvider } from './promise-date-provider.ts';

/**
 * Confirms an order: work orders, then capable-to-promise for the promised date; the order's lifecycle workflow
 * hears `confirmed`. The plan itself is the planner's to rerun (plan.run): an automatic replan per confirmation would
 * publish new versions under a planner who is editing a draft.
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
    return { ...order, lifecycle };
  });
