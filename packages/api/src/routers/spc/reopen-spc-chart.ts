import { ZReopenSpcChartInput } from '@ingot/contracts';
import { reopenSpcChart } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Back to phase I (monitoring stops until limits are frozen again). */
export const reopenSpcChartProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZReopenSpcChartInput)
  .mutation(({ ctx, input }) => reopenSpcChart(ctx.tx, ctx.scope, input));
