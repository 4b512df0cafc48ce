import { ZDispositionNonconformanceInput } from '@ingot/contracts';
import { dispositionNonconformance } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const dispositionNonconformanceProcedure = tenantProcedure
  .meta({ action: 'quality.approve' })
  .input(ZDispositionNonconformanceInput)
  .mutation(({ ctx, input }) => dispositionNonconformance(ctx.tx, ctx.scope, input));
