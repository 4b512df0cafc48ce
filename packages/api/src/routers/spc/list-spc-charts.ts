import { ZListSpcChartsInput } from '@ingot/contracts';
import { listSpcCharts } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** The SPC charts of the caller's plants. */
export const listSpcChartsProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZListSpcChartsInput)
  .query(({ ctx, input }) => listSpcCharts(ctx.tx, ctx.scope, input));
