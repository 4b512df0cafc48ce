import { ZComparePlanVersionsInput } from '@ingot/contracts';
import { comparePlanVersions } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const comparePlanVersionsProcedure = tenantProcedure
  .meta({ action: 'plan.read' })
  .input(ZComparePlanVersionsInput)
  .query(({ ctx, input }) => comparePlanVersions(ctx.tx, ctx.scope, input));
