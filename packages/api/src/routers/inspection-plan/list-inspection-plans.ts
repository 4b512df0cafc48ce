import { ZListInspectionPlansInput } from '@ingot/contracts';
import { listInspectionPlans } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listInspectionPlansProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZListInspectionPlansInput)
  .query(({ ctx, input }) => listInspectionPlans(ctx.tx, ctx.scope, input));
