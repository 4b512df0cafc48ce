import { ZRequestInspectionInput } from '@ingot/contracts';
import { requestInspection } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** An inspection request by hand; starts its labInspection workflow. */
export const requestInspectionProcedure = tenantProcedure
  .meta({ action: 'lab.request' })
  .input(ZRequestInspectionInput)
  .mutation(async ({ ctx, input }) => {
    const raised = await requestInspection(ctx.tx, ctx.scope, input);
    const workflow = await notifyLabWorkflow(ctx, {
      tenantId: ctx.scope.tenantId,
      requestId: raised.id,
      requestNo: raised.requestNo,
      step: null,
      actorUserId: ctx.scope.userId,
    });
    return { ...raised, workflow };
  });
