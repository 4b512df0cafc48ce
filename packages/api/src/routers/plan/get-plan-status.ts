import { ZPlantPlanInput } from '@ingot/contracts';
import { findPlanningPlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { planWorkflowsOf } from './plan-workflows.ts';

/** What the plant's planning workflow is doing (idle, debouncing, solving, publishing), or null. */
export const getPlanStatusProcedure = tenantProcedure
  .meta({ action: 'plan.read' })
  .input(ZPlantPlanInput)
  .query(async ({ ctx, input }) => {
    const plant = await findPlanningPlant(ctx.tx, ctx.scope, input.plantId);
    const gateway = planWorkflowsOf(ctx);
    if (!gateway) return null;
    return gateway.planStatus({ tenantId: ctx.scope.tenantId, plantCode: plant.code });
  });
