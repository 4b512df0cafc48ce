import { ZUpdateSpcChartInput } from '@ingot/contracts';
import { updateSpcChart } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Rename, change rules, or (phase I only) what feeds the chart. */
export const updateSpcChartProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZUpdateSpcChartInput)
  .mutation(({ ctx, input }) => updateSpcChart(ctx.tx, ctx.scope, input));
