import { ZOpenNonconformanceInput } from '@ingot/contracts';
import { openNonconformance } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const openNonconformanceProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZOpenNonconformanceInput)
  .mutation(({ ctx, input }) => openNonconformance(ctx.tx, ctx.scope, input));
