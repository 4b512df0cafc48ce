import { ZEnterResultsInput } from '@ingot/contracts';
import { enterResults } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** Results from the lab form; once the request is evaluated the workflow hears `results_entered`. */
export const enterResultsProcedure = tenantProcedure
  .meta({ action: 'lab.work' })
  .input(ZEnterResultsInput)
  .mutation(async ({ ctx, input }) => {
    const out = await enterResults(ctx.tx, ctx.scope, input);
    const workflow = out.evaluated
      ? await notifyLabWorkflow(ctx, {
          tenantId: ctx.scope.tenantId,
          requestId: out.request.id,
          requestNo: out.request.requestNo,
          step: 'results_entered',
          actorUserId: ctx.scope.userId,
        })
      : null;
    return { ...out, workflow };
  });
