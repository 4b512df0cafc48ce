import { ZComputeSpcLimitsInput } from '@ingot/contracts';
import { computeSpcLimits } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Phase I: trial limits from the baseline, with exclusions and optional revision. */
export const computeSpcLimitsProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZComputeSpcLimitsInput)
  .mutation(({ ctx, input }) => computeSpcLimits(ctx.tx, ctx.scope, input));
