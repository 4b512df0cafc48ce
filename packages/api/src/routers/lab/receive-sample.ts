import { ZReceiveSampleInput } from '@ingot/contracts';
import { receiveSample } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** A scanned sample label: receipt in the lab; the workflow hears `received` when the last sample is in. */
export const receiveSampleProcedure = tenantProcedure
  .meta({ action: 'lab.work' })
  .input(ZReceiveSampleInput)
  .mutation(async ({ ctx, input }) => {
    const received = await receiveSample(ctx.tx, ctx.scope, input);
    const workflow = await notifyLabWorkflow(ctx, {
      tenantId: ctx.scope.tenantId,
      requestId: received.requestId,
      requestNo: received.requestNo,
      step: received.allReceived ? 'received' : 'sampled',
      actorUserId: ctx.scope.userId,
    });
    return { ...received, workflow };
  });
