import { ZStartOperationInput } from '@ingot/contracts';
import { startOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyOrderLifecycle } from '../order/notify-order-lifecycle.ts';

/** Starts an operation at a machine, then tells the order's lifecycle workflow (`operation_started`). */
export const startOperationProcedure = tenantProcedure
  .meta({ action: 'operation.report' })
  .input(ZStartOperationInput)
  .mutation(async ({ ctx, input }) => {
    const started = await startOperation(ctx.tx, ctx.scope, input);
    const lifecycle = await notifyOrderLifecycle(ctx, {
      tenantId: ctx.scope.tenantId,
      orderId: started.orderId,
      orderNo: started.orderNo,
      orderStatus: started.orderStatus,
      event: {
        eventId: `operation_started:${started.operationId}`,
        kind: 'operation_started',
        operationId: started.operationId,
      },
      actorUserId: ctx.scope.userId,
    });
    return { ...started, lifecycle };
  });
