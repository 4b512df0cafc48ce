import { z } from 'zod';
import { ZProductFamily } from './orders.ts';
import { ZEquipmentCode } from './telemetry-config.ts';

/** Quality KPIs and in-process (telemetry) coil quality (issue 6): API input shapes of `qualityKpi.*`. */

const DAY_MS = 86_400_000;
/** Longest KPI range (one year and a day, so a calendar year always fits). */
export const MAX_KPI_RANGE_MS = 367 * DAY_MS;
/** Longest range of the coil list (the telemetry store's limit). */
export const MAX_COIL_LIST_RANGE_MS = 92 * DAY_MS;

export const KPI_PERIODS = ['day', 'week', 'month'] as const;
export const ZKpiPeriod = z.enum(KPI_PERIODS);
export type TKpiPeriod = z.infer<typeof ZKpiPeriod>;

/** Nonconformance age buckets (days since it was raised): under 7, 7 to 30, over 30. */
export const AGEING_BUCKETS = ['lt7d', '7to30d', 'gt30d'] as const;
export type TAgeingBucket = (typeof AGEING_BUCKETS)[number];

const ZPlantId = z.uuid('must be a plant id');
const ZInstant = z.coerce.date({ error: 'must be a date-time' });
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time written HH:MM');

/** A shift of the plant's calendar in local wall-clock time; an end not after the start crosses midnight. */
export const ZShiftDefinition = z.strictObject({
  code: z.string().min(1, 'must not be empty').max(32, 'must be at most 32 characters'),
  start: ZClock,
  end: ZClock,
});
export type TShiftDefinition = z.infer<typeof ZShiftDefinition>;

/**
 * The default calendar: three eight-hour shifts from 06:00, the boundaries the planning calendars use for
 * continuously running plants (the plant has no shift table yet).
 */
export const DEFAULT_SHIFTS: readonly TShiftDefinition[] = [
  { code: 'A', start: '06:00', end: '14:00' },
  { code: 'B', start: '14:00', end: '22:00' },
  { code: 'C', start: '22:00', end: '06:00' },
];

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export const ZShiftCalendar = z
  .array(ZShiftDefinition)
  .min(1, 'must list at least one shift')
  .max(24, 'must list at most 24 shifts')
  .superRefine((shifts, ctx) => {
    // Every minute of the day in exactly one shift: overlaps would count a defect twice.
    const owner = new Array<number>(1440).fill(-1);
    const codes = new Set<string>();
    shifts.forEach((s, i) => {
      if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'is listed twice' });
      codes.add(s.code);
      const start = minutes(s.start);
      const end = minutes(s.end);
      const length = end > start ? end - start : end + 1440 - start;
      for (let k = 0; k < length; k++) {
        const m = (start + k) % 1440;
        if (owner[m] !== -1) {
          ctx.addIssue({ code: 'custom', path: [i, 'start'], message: 'overlaps another shift' });
          return;
        }
        owner[m] = i;
      }
    });
  });

const rangeCheck = (max: number, maxText: string) => (v: { from: Date; to: Date }, ctx: z.RefinementCtx) => {
  const span = v.to.getTime() - v.from.getTime();
  if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > max)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxText} after from` });
};

export const ZQualityKpisInput = z
  .strictObject({
    /** One plant; omitted: every plant of the member's scope. */
    plantId: ZPlantId.optional(),
    from: ZInstant,
    /** Exclusive. */
    to: ZInstant,
    period: ZKpiPeriod.default('week'),
    productFamily: ZProductFamily.optional(),
    /** The shift calendar for the Pareto by shift; default DEFAULT_SHIFTS. */
    shifts: ZShiftCalendar.optional(),
    /** The instant ages are measured at; default now. */
    asOf: ZInstant.optional(),
  })
  .superRefine(rangeCheck(MAX_KPI_RANGE_MS, '367 days'));
export type TQualityKpisInput = z.input<typeof ZQualityKpisInput>;
export type TQualityKpisParsed = z.output<typeof ZQualityKpisInput>;

export const ZCoilListInput = z
  .strictObject({
    plantId: ZPlantId,
    equipment: ZEquipmentCode,
    from: ZInstant,
    to: ZInstant,
  })
  .superRefine(rangeCheck(MAX_COIL_LIST_RANGE_MS, '92 days'));
export type TCoilListInput = z.infer<typeof ZCoilListInput>;

const ZMillimetres = z
  .number()
  .finite('must be a number')
  .positive('must be above 0')
  .max(1000, 'must be at most 1000');
const ZToleranceMm = z
  .number()
  .finite('must be a number')
  .min(0, 'must not be negative')
  .max(100, 'must be at most 100');

export const ZCoilQualityInput = z.strictObject({
  plantId: ZPlantId,
  equipment: ZEquipmentCode,
  coilId: z.string().trim().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  /** Which pass when the coil ran more than once: the one on the line at this instant. Default the latest. */
  at: ZInstant.optional(),
  /** Tolerances from this product specification, when the coil is not a lot of an order. */
  specId: z.uuid('must be a product specification id').optional(),
  /** Tolerances given by hand (they win over the specification's). */
  tolerance: z
    .strictObject({ nominalMm: ZMillimetres, minusMm: ZToleranceMm, plusMm: ZToleranceMm })
    .optional(),
  /** Flatness limit, I-units. */
  flatnessLimitI: z
    .number()
    .finite('must be a number')
    .positive('must be above 0')
    .max(1000, 'must be at most 1000')
    .optional(),
  binMetres: z
    .number()
    .finite('must be a number')
    .min(0.1, 'must be at least 0.1')
    .max(10_000, 'must be at most 10000')
    .default(10),
});
export type TCoilQualityInput = z.input<typeof ZCoilQualityInput>;
export type TCoilQualityParsed = z.output<typeof ZCoilQualityInput>;
