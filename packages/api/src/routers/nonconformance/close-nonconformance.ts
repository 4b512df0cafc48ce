import { ZCloseNonconformanceInput } from '@ingot/contracts';
import { closeNonconformance } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const closeNonconformanceProcedure = tenantProcedure
  .meta({ action: 'quality.approve' })
  .input(ZCloseNonconformanceInput)
  .mutation(({ ctx, input }) => closeNonconformance(ctx.tx, ctx.scope, input));
