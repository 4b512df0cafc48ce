import { ZTelemetrySeriesInput } from '@ingot/contracts';
import { tenantProcedure } from '../../trpc.ts';
import { getTelemetrySeries } from './telemetry-series.ts';

export const getTelemetrySeriesProcedure = tenantProcedure
  .meta({ action: 'telemetry.read' })
  .input(ZTelemetrySeriesInput)
  .query(({ ctx, input }) => getTelemetrySeries(ctx.tx, ctx.scope, ctx.telemetry, input));
