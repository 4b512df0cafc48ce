import { ZQualityKpisInput } from '@ingot/contracts';
import { getQualityKpis } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getQualityKpisProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZQualityKpisInput)
  .query(({ ctx, input }) => getQualityKpis(ctx.tx, ctx.scope, input));
