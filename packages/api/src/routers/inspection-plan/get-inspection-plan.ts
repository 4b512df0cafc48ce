import { ZGetInspectionPlanInput } from '@ingot/contracts';
import { getInspectionPlan } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getInspectionPlanProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZGetInspectionPlanInput)
  .query(({ ctx, input }) => getInspectionPlan(ctx.tx, ctx.scope, input));
