import { ZCancelInspectionInput } from '@ingot/contracts';
import { cancelInspection } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** Withdraws a request raised in error; its workflow ends (`decided`) without touching the lot. */
export const cancelInspectionProcedure = tenantProcedure
  .meta({ action: 'quality.approve' })
  .input(ZCancelInspectionInput)
  .mutation(async ({ ctx, input }) => {
    const request = await cancelInspection(ctx.tx, ctx.scope, input);
    const workflow = await notifyLabWorkflow(ctx, {
      tenantId: ctx.scope.tenantId,
      requestId: request.id,
      requestNo: request.requestNo,
      step: 'decided',
      actorUserId: ctx.scope.userId,
    });
    return { request, workflow };
  });
