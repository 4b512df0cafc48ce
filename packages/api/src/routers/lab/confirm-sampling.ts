import { ZConfirmSamplingInput } from '@ingot/contracts';
import { confirmSampling } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** Samples cut and labelled: tells the workflow `sampled`. */
export const confirmSamplingProcedure = tenantProcedure
  .meta({ action: 'lab.work' })
  .input(ZConfirmSamplingInput)
  .mutation(async ({ ctx, input }) => {
    const request = await confirmSampling(ctx.tx, ctx.scope, input);
    const workflow = await notifyLabWorkflow(ctx, {
      tenantId: ctx.scope.tenantId,
      requestId: request.id,
      requestNo: request.requestNo,
      step: 'sampled',
      actorUserId: ctx.scope.userId,
    });
    return { request, workflow };
  });
