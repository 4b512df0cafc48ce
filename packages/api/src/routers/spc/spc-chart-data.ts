import { ZSpcChartDataInput } from '@ingot/contracts';
import { spcChartData } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Points, limits, rule hits and capability of a chart. */
export const spcChartDataProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZSpcChartDataInput)
  .query(({ ctx, input }) => spcChartData(ctx.tx, ctx.scope, input));
