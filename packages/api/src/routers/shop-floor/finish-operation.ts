import { ZFinishOperationInput } from '@ingot/contracts';
import { finishOperation } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { startLabWorkflows } from '../lab/lab-workflow-notice.ts';
import { notifyOrderLifecycle } from '../order/notify-order-lifecycle.ts';

/**
 * Finishes an operation with its output lots, then tells the order's lifecycle workflow (`operation_finished`) and
 * starts the labInspection workflow of each inspection request the finish raised (its reminders run from now).
 */
export const finishOperationProcedure = tenantProcedure
  .meta({ action: 'operation.report' })
  .input(ZFinishOperationInput)
  .mutation(async ({ ctx, input }) => {
    const finished = await finishOperation(ctx.tx, ctx.scope, input);
    const lifecycle = await notifyOrderLifecycle(ctx, {
      tenantId: ctx.scope.tenantId,
      orderId: finished.orderId,
      orderNo: finished.orderNo,
      orderStatus: finished.orderStatus,
      event: {
        eventId: `operation_finished:${finished.operationId}`,
        kind: 'operation_finished',
        operationId: finished.operationId,
      },
      actorUserId: ctx.scope.userId,
    });
    const labWorkflows = await startLabWorkflows(
      ctx,
      ctx.scope.tenantId,
      ctx.scope.userId,
      finished.inspectionRequests,
    );
    return { ...finished, lifecycle, labWorkflows };
  });
