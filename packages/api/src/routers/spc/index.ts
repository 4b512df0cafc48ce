import { router } from '../../trpc.ts';
import { computeSpcLimitsProcedure } from './compute-spc-limits.ts';
import { createSpcChartProcedure } from './create-spc-chart.ts';
import { freezeSpcLimitsProcedure } from './freeze-spc-limits.ts';
import { getSpcChartProcedure } from './get-spc-chart.ts';
import { listSpcChartsProcedure } from './list-spc-charts.ts';
import { reopenSpcChartProcedure } from './reopen-spc-chart.ts';
import { spcCapabilityProcedure } from './spc-capability.ts';
import { spcChartDataProcedure } from './spc-chart-data.ts';
import { updateSpcChartProcedure } from './update-spc-chart.ts';

export const spcRouter = router({
  list: listSpcChartsProcedure,
  get: getSpcChartProcedure,
  create: createSpcChartProcedure,
  update: updateSpcChartProcedure,
  computeLimits: computeSpcLimitsProcedure,
  freeze: freezeSpcLimitsProcedure,
  reopen: reopenSpcChartProcedure,
  data: spcChartDataProcedure,
  capability: spcCapabilityProcedure,
});
