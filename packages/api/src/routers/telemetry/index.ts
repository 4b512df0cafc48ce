import { router } from '../../trpc.ts';
import { getPlantLiveProcedure } from './get-plant-live.ts';
import { getTagCatalogueProcedure } from './get-tag-catalogue.ts';
import { getTelemetrySeriesProcedure } from './get-telemetry-series.ts';

export type { TLiveState } from './live-state.ts';
export type { TLiveEquipment, TLiveTagValue, TPlantLiveSnapshot } from './plant-live-snapshot.ts';
export type { TCatalogueEquipment, TCatalogueTag, TTagCatalogue } from './tag-catalogue.ts';
export type { TTelemetrySeriesResult, TTrendSeries } from './telemetry-series.ts';

export const telemetryRouter = router({
  live: getPlantLiveProcedure,
  series: getTelemetrySeriesProcedure,
  tags: getTagCatalogueProcedure,
});
