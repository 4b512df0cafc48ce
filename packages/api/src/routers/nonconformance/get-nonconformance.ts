import { ZGetNonconformanceInput } from '@ingot/contracts';
import { getNonconformance } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getNonconformanceProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZGetNonconformanceInput)
  .query(({ ctx, input }) => getNonconformance(ctx.tx, ctx.scope, input));
