import { ZDecideInspectionInput } from '@ingot/contracts';
import { decideInspection } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** The quality engineer's approval of the report: release or hold the lot; the workflow hears `decided`. */
export const decideInspectionProcedure = tenantProcedure
  .meta({ action: 'quality.approve' })
  .input(ZDecideInspectionInput)
  .mutation(async ({ ctx, input }) => {
    const out = await decideInspection(ctx.tx, ctx.scope, input);
    const workflow = await notifyLabWorkflow(ctx, {
      tenantId: ctx.scope.tenantId,
      requestId: out.request.id,
      requestNo: out.request.requestNo,
      step: 'decided',
      actorUserId: ctx.scope.userId,
    });
    return { ...out, workflow };
  });
