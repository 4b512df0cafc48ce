import { z } from 'zod';
import { ZEquipmentCode, ZTagName } from './telemetry-config.ts';

/** Live values and trends in the portal (issue 4): API input shapes of `telemetry.*`. */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The longest trend the portal asks for (the range presets go from one hour to ninety days). */
export const MAX_TREND_SPAN_MS = 90 * DAY_MS;
/** The shortest trend: zooming in stops at one minute. */
export const MIN_TREND_SPAN_MS = 60_000;
/** Tags drawn together in one trend. */
export const MAX_TREND_SERIES = 8;
/** Pixel width of a trend chart (the store returns at most this many buckets per tag). */
export const MIN_TREND_WIDTH_PX = 2;
export const MAX_TREND_WIDTH_PX = 4000;

/** Range presets of the trends page, shortest first. */
export const TREND_RANGE_PRESETS = [
  { key: '1h', ms: HOUR_MS },
  { key: '8h', ms: 8 * HOUR_MS },
  { key: '24h', ms: DAY_MS },
  { key: '7d', ms: 7 * DAY_MS },
  { key: '30d', ms: 30 * DAY_MS },
  { key: '90d', ms: 90 * DAY_MS },
] as const;

/** A tile is stale when its newest sample is older than this (the agent publishes at least every few seconds). */
export const LIVE_STALE_AFTER_MS = 30_000;

const ZPlantId = z.uuid('must be a plant id');
const ZInstant = z.coerce.date({ error: 'must be a date-time' });

export const ZPlantLiveInput = z.strictObject({ plantId: ZPlantId });
export type TPlantLiveInput = z.infer<typeof ZPlantLiveInput>;

export const ZTagCatalogueInput = z.strictObject({ plantId: ZPlantId });
export type TTagCatalogueInput = z.infer<typeof ZTagCatalogueInput>;

export const ZTrendSeriesRef = z.strictObject({ equipment: ZEquipmentCode, tag: ZTagName });
export type TTrendSeriesRef = z.infer<typeof ZTrendSeriesRef>;

export const ZTelemetrySeriesInput = z
  .strictObject({
    plantId: ZPlantId,
    series: z
      .array(ZTrendSeriesRef)
      .min(1, 'choose at least one tag')
      .max(MAX_TREND_SERIES, `at most ${MAX_TREND_SERIES} tags at once`),
    from: ZInstant,
    /** Exclusive. */
    to: ZInstant,
    widthPx: z
      .int('must be an integer')
      .min(MIN_TREND_WIDTH_PX, `must be at least ${MIN_TREND_WIDTH_PX}`)
      .max(MAX_TREND_WIDTH_PX, `must be at most ${MAX_TREND_WIDTH_PX}`),
  })
  .superRefine((v, ctx) => {
    const span = v.to.getTime() - v.from.getTime();
    if (!(span >= MIN_TREND_SPAN_MS))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at least one minute after from' });
    else if (span > MAX_TREND_SPAN_MS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most 90 days after from' });
    const seen = new Set<string>();
    v.series.forEach((s, i) => {
      const key = `${s.equipment}\u0000${s.tag}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['series', i], message: 'this tag is already in the trend' });
      seen.add(key);
    });
  });
export type TTelemetrySeriesInput = z.infer<typeof ZTelemetrySeriesInput>;
