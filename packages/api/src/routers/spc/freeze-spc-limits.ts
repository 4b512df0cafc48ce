import { ZFreezeSpcLimitsInput } from '@ingot/contracts';
import { freezeSpcLimits } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Freeze the phase I limits: phase II monitoring starts. */
export const freezeSpcLimitsProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZFreezeSpcLimitsInput)
  .mutation(({ ctx, input }) => freezeSpcLimits(ctx.tx, ctx.scope, input));
