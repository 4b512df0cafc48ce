import { ZCoilQualityInput } from '@ingot/contracts';
import { tenantProcedure } from '../../trpc.ts';
import { getCoilQuality } from './coil-quality.ts';

export const getCoilQualityProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZCoilQualityInput)
  .query(({ ctx, input }) => getCoilQuality(ctx.tx, ctx.scope, ctx.telemetry, input));
