import { ZSpcCapabilityInput } from '@ingot/contracts';
import { characteristicCapability } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Cp, Cpk, Pp, Ppk with confidence intervals of a characteristic against its specification limits. */
export const spcCapabilityProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZSpcCapabilityInput)
  .query(({ ctx, input }) => characteristicCapability(ctx.tx, ctx.scope, input));
