import { ZPlantPlanInput } from '@ingot/contracts';
import { findPlanningPlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { planWorkflowsOf } from './plan-workflows.ts';

/**
 * What the plant's planning workflow is doing (idle, debouncing, solving, publishing). Null only when no workflow
 * server is configured (the portal then offers no run); a plant whose workflow never ran is idle with no runs.
 */
export const getPlanStatusProcedure = tenantProcedure
  .meta({ action: 'plan.read' })
  .input(ZPlantPlanInput)
  .query(async ({ ctx, input }) => {
    const plant = await findPlanningPlant(ctx.tx, ctx.scope, input.plantId);
    const gateway = planWorkflowsOf(ctx);
    if (!gateway) return null;
    const status = await gateway.planStatus({ tenantId: ctx.scope.tenantId, plantCode: plant.code });
    return (
      status ?? {
        plantId: plant.id,
        runs: 0,
        state: 'idle' as const,
        pendingRequests: 0,
        lastRun: null,
        lastError: null,
      }
    );
  });
