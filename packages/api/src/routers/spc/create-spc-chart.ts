import { ZCreateSpcChartInput } from '@ingot/contracts';
import { createSpcChart } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** A new chart over a characteristic's results (phase I). */
export const createSpcChartProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZCreateSpcChartInput)
  .mutation(({ ctx, input }) => createSpcChart(ctx.tx, ctx.scope, input));
