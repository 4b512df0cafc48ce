import { ZListPlanVersionsInput } from '@ingot/contracts';
import { listPlanVersions } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listPlanVersionsProcedure = tenantProcedure
  .meta({ action: 'plan.read' })
  .input(ZListPlanVersionsInput)
  .query(({ ctx, input }) => listPlanVersions(ctx.tx, ctx.scope, input));
