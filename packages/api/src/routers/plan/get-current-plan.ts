import { ZPlantPlanInput } from '@ingot/contracts';
import { getCurrentPlan } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** The plant's published plan (Gantt rows and bars, KPIs, explanations), or null before the first publish. */
export const getCurrentPlanProcedure = tenantProcedure
  .meta({ action: 'plan.read' })
  .input(ZPlantPlanInput)
  .query(({ ctx, input }) => getCurrentPlan(ctx.tx, ctx.scope, input));
