import { ZCreateInspectionPlanInput } from '@ingot/contracts';
import { createInspectionPlan } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createInspectionPlanProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZCreateInspectionPlanInput)
  .mutation(({ ctx, input }) => createInspectionPlan(ctx.tx, ctx.scope, input));
