import { ZSetInspectionPlanActiveInput } from '@ingot/contracts';
import { setInspectionPlanActive } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const setInspectionPlanActiveProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZSetInspectionPlanActiveInput)
  .mutation(({ ctx, input }) => setInspectionPlanActive(ctx.tx, ctx.scope, input));
