import { ZImportResultsCsvInput } from '@ingot/contracts';
import { importResultsCsv } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { notifyLabWorkflow } from './lab-workflow-notice.ts';

/** Results from an instrument CSV (all lines good, or nothing stored). */
export const importResultsCsvProcedure = tenantProcedure
  .meta({ action: 'lab.work' })
  .input(ZImportResultsCsvInput)
  .mutation(async ({ ctx, input }) => {
    const out = await importResultsCsv(ctx.tx, ctx.scope, input);
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
