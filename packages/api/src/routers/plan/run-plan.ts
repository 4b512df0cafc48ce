import { ZRunPlanInput } from '@ingot/contracts';
import { findPlanningPlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { requirePlanWorkflows } from './plan-workflows.ts';

/**
 * Asks the plant's planProduction workflow for a new plan (starting it if needed). Returns at once; the new
 * version appears in `plan.list` / `plan.current` when published (`plan.status` follows the run).
 */
export const runPlanProcedure = tenantProcedure
  .meta({ action: 'plan.run' })
  .input(ZRunPlanInput)
  .mutation(async ({ ctx, input }) => {
    const plant = await findPlanningPlant(ctx.tx, ctx.scope, input.plantId);
    const gateway = requirePlanWorkflows(ctx);
    const requestId = `manual:${ctx.requestId}`;
    const started = await gateway.requestPlan({
      tenantId: ctx.scope.tenantId,
      plantId: plant.id,
      plantCode: plant.code,
      signal: 'replan',
      request: {
        requestId,
        trigger: 'manual',
        requestedBy: ctx.scope.userId,
        ...(input.timeLimitSeconds ? { timeLimitMs: input.timeLimitSeconds * 1000 } : {}),
      },
    });
    return { ...started, requestId };
  });
