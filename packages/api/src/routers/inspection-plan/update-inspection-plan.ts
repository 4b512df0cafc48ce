import { ZUpdateInspectionPlanInput } from '@ingot/contracts';
import { updateInspectionPlan } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateInspectionPlanProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZUpdateInspectionPlanInput)
  .mutation(({ ctx, input }) => updateInspectionPlan(ctx.tx, ctx.scope, input));
