import { ZGetSpcChartInput } from '@ingot/contracts';
import { getSpcChart } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** One SPC chart's definition and stored limits. */
export const getSpcChartProcedure = tenantProcedure
  .meta({ action: 'quality.read' })
  .input(ZGetSpcChartInput)
  .query(({ ctx, input }) => getSpcChart(ctx.tx, ctx.scope, input));
