import type { SetupMatrix, TimeWindow } from '../scheduling/model.ts';

/**
 * The rules that turn plant data into the scheduler's model: operation durations, setup families and matrices,
 * furnace batches and equipment calendars. Figures that are not in the data are ASSUMPTIONS, labelled as such
 * below (the published sources behind the rolling-plant generator did not give them either: see
 * shared/domain/process-rules.json `chg-roll-change` not_found and `seq-alloy-contamination` NOT SOURCED).
 */

export const MINUTE_MS = 60_000;
const DAY_MIN = 1440;

/** Densities (g/cm3 = t/m3) used when the alloy row has none. ASSUMPTION: nominal values of the families. */
export const DEFAULT_DENSITY: Readonly<Record<'aluminium' | 'copper', number>> = {
  aluminium: 2.7,
  copper: 8.9,
};

/** ASSUMPTION: an open breakdown (no end given) is planned as lasting this long from now; equipmentUp replans. */
export const OPEN_DOWNTIME_ASSUMED_MIN = 8 * 60;

export type TRateUnit = 't_per_h' | 'm_per_min' | 'h_per_batch';

export interface TGeometry {
  widthMm: number | null;
  thicknessMm: number;
  /** t/m3 */
  density: number;
}

/**
 * Minutes an operation takes on one piece of equipment (rounded up, at least 1):
 * - `t_per_h`: input tonnes / rate × 60;
 * - `m_per_min`: strip length / rate, the length from mass = density × width × thickness × length, with the
 *   product's final width and thickness (an over-estimate for early rolling passes, whose strip is thicker and
 *   so shorter; the data has no per-pass gauge). Without a width (rod, wire, tube) the thickness is taken as the
 *   diameter of a round section;
 * - `h_per_batch`: rate hours per furnace charge, whatever the load;
 * plus the equipment's fixed minutes per lot (threading, coil change).
 */
export function operationMinutes(
  rateUnit: TRateUnit,
  rate: number,
  fixedMinutes: number,
  inputT: number,
  geometry: TGeometry,
): number {
  if (!(rate > 0)) throw new RangeError(`rate must be > 0 (got ${rate})`);
  let minutes: number;
  if (rateUnit === 't_per_h') minutes = (inputT / rate) * 60;
  else if (rateUnit === 'h_per_batch') minutes = rate * 60;
  else {
    const t = geometry.thicknessMm / 1000;
    const area = geometry.widthMm ? (geometry.widthMm / 1000) * t : (Math.PI * t * t) / 4;
    const lengthM = inputT / (geometry.density * area);
    minutes = lengthM / rate;
  }
  return Math.max(1, Math.ceil(minutes + fixedMinutes));
}

/** Alloy series used by the setup families: 1xxx…8xxx for aluminium, C1 (coppers) / C2 (brasses)… for copper. */
export function alloySeries(alloyCode: string, family: 'aluminium' | 'copper'): string {
  if (family === 'copper') {
    const m = /^C(\d)/i.exec(alloyCode);
    return m ? `C${m[1]}` : 'Cu';
  }
  const m = /^(\d)/.exec(alloyCode);
  return m ? `${m[1]}xxx` : alloyCode;
}

/** Gauge bands for rolling setups: foil, thin, medium, thick. */
export function gaugeBand(thicknessMm: number): string {
  if (thicknessMm < 0.2) return 'g-foil';
  if (thicknessMm < 1) return 'g-thin';
  if (thicknessMm < 3) return 'g-mid';
  return 'g-thick';
}

export type TSetupKind = 'casting' | 'hot_rolling' | 'cold_rolling' | 'finishing' | 'extrusion' | null;

/** Which setup rule an equipment class follows (furnaces use recipes, see batch rules). */
export function setupKindOf(equipmentClass: string): TSetupKind {
  switch (equipmentClass) {
    case 'casting_machine':
      return 'casting';
    case 'hot_mill':
      return 'hot_rolling';
    case 'cold_mill':
    case 'foil_mill':
      return 'cold_rolling';
    case 'slitter':
    case 'cut_to_length_line':
    case 'stretcher':
      return 'finishing';
    case 'extrusion_press':
      return 'extrusion';
    default:
      return null;
  }
}

export interface TFamilyFacts {
  series: string;
  alloyCode: string;
  widthMm: number | null;
  thicknessMm: number;
  specCode: string;
}

/**
 * Setup family of an operation on equipment of a setup kind. Encodes what the setup matrix needs:
 * casting `A|series|alloy`, hot rolling `H|series|width`, cold rolling `R|series|width|gauge band`,
 * finishing `W|width`, extrusion `E|alloy|spec` (the spec stands for the die).
 */
export function setupFamily(kind: TSetupKind, f: TFamilyFacts): string | undefined {
  const w = f.widthMm === null ? 0 : Math.round(f.widthMm);
  switch (kind) {
    case 'casting':
      return `A|${f.series}|${f.alloyCode}`;
    case 'hot_rolling':
      return `H|${f.series}|${w}`;
    case 'cold_rolling':
      return `R|${f.series}|${w}|${gaugeBand(f.thicknessMm)}`;
    case 'finishing':
      return `W|${w}`;
    case 'extrusion':
      return `E|${f.alloyCode}|${f.specCode}`;
    default:
      return undefined;
  }
}

/**
 * Changeover minutes from family `a` to `b` (ASSUMPTIONS, the same figures as the rolling-plant generator):
 * - rolling follows the coffin / wide-to-narrow rule (process-rules.json seq-coffin, tf-coffin; for aluminium an
 *   analogy): stepping UP in width costs a work-roll change (cold 25 min, hot 30), stepping down 5; an alloy
 *   series change 10 (cold) / 15 (hot); a gauge-band change 10 (cold);
 * - casting: another alloy of the same series 45, leaving a 5xxx/7xxx (Mg/Zn) alloy 180 (furnace cleaning),
 *   otherwise 120;
 * - finishing lines: another width 30 (knife / set change);
 * - extrusion: another die (spec) 20, plus 30 for another alloy (billet change).
 */
export function changeoverMinutes(kind: TSetupKind, a: string, b: string): number {
  if (a === b || kind === null) return 0;
  const x = a.split('|');
  const y = b.split('|');
  switch (kind) {
    case 'casting': {
      if (x[1] === y[1]) return 45;
      return x[1] === '5xxx' || x[1] === '7xxx' ? 180 : 120;
    }
    case 'hot_rolling':
    case 'cold_rolling': {
      const hot = kind === 'hot_rolling';
      const wa = Number(x[2]);
      const wb = Number(y[2]);
      let c = 0;
      if (wb > wa) c += hot ? 30 : 25;
      else if (wb < wa) c += 5;
      if (x[1] !== y[1]) c += hot ? 15 : 10;
      if (!hot && x[3] !== y[3]) c += 10;
      return c;
    }
    case 'finishing':
      return x[1] === y[1] ? 0 : 30;
    case 'extrusion':
      return (x[2] === y[2] ? 0 : 20) + (x[1] === y[1] ? 0 : 30);
    default:
      return 0;
  }
}

/** The setup matrix of one machine over the families that occur on it. */
export function buildSetupMatrix(kind: TSetupKind, families: Iterable<string>): SetupMatrix | undefined {
  if (kind === null) return undefined;
  const list = [...new Set(families)];
  if (list.length < 2) return undefined;
  const times: Record<string, Record<string, number>> = {};
  for (const a of list) {
    const row: Record<string, number> = {};
    for (const b of list) {
      const v = changeoverMinutes(kind, a, b);
      if (v > 0) row[b] = v;
    }
    times[a] = row;
  }
  return { times };
}

/** Equipment classes that run furnace charges (batches). */
export const BATCH_CLASSES = new Set(['annealing_furnace', 'homogenizing_furnace', 'ageing_oven']);

/**
 * Setup between furnace charges, keyed by recipe: ASSUMPTION 60 min to change recipe (temperature profile);
 * a furnace whose attributes give `emptyFurnaceCoolingH` (box foil furnaces: 5–6 h of empty-furnace cooling before
 * each charge, process-rules.json chg-foil-furnace) needs that cooling between ANY two charges.
 */
export function buildRecipeMatrix(
  recipes: Iterable<string>,
  coolingMin: number | null,
): SetupMatrix | undefined {
  const list = [...new Set(recipes)];
  if (list.length === 0) return undefined;
  const times: Record<string, Record<string, number>> = {};
  for (const a of list) {
    const row: Record<string, number> = {};
    for (const b of list) {
      const v = coolingMin !== null ? coolingMin : a === b ? 0 : 60;
      if (v > 0) row[b] = v;
    }
    times[a] = row;
  }
  if (coolingMin === null && list.length < 2) return undefined;
  return { times };
}

/** A numeric attribute, or the mean of a "5-6" range string. */
export function numericAttribute(attributes: unknown, ...keys: string[]): number | null {
  if (!attributes || typeof attributes !== 'object') return null;
  for (const key of keys) {
    const v = (attributes as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*$/.exec(v);
      if (m) return m[2] ? (Number(m[1]) + Number(m[2])) / 2 : Number(m[1]);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Calendars

/**
 * Shift patterns. The plant has no shift table in the data model yet, so the default comes from the equipment
 * class (ASSUMPTION, as in the rolling-plant generator): casting, mills, presses and furnaces run continuously
 * (four crews, three shifts); finishing lines (slitters, levelling/cut-to-length, stretchers, packing and other)
 * run two shifts 06:00–22:00 Monday to Saturday. An equipment attribute `shiftPattern` overrides it.
 */
export const SHIFT_PATTERNS = ['continuous', 'two_shift_mon_sat', 'three_shift_mon_sat'] as const;
export type TShiftPattern = (typeof SHIFT_PATTERNS)[number];

export function shiftPatternOf(equipmentClass: string, attributes: unknown): TShiftPattern {
  const given =
    attributes && typeof attributes === 'object'
      ? (attributes as Record<string, unknown>).shiftPattern
      : undefined;
  if (typeof given === 'string' && (SHIFT_PATTERNS as readonly string[]).includes(given)) {
    return given as TShiftPattern;
  }
  return ['slitter', 'cut_to_length_line', 'stretcher', 'other'].includes(equipmentClass)
    ? 'two_shift_mon_sat'
    : 'continuous';
}

/** Offset of `tz` from UTC at instant `ms`, in ms (local = utc + offset). */
function tzOffsetMs(ms: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of local midnight of the local day containing `ms`, and that day's weekday (0 = Sunday). */
function localMidnight(ms: number, tz: string): { ms: number; weekday: number } {
  const off = tzOffsetMs(ms, tz);
  const local = new Date(ms + off);
  const midLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  // Re-read the offset at midnight (DST changes happen at night).
  const mid = midLocal - tzOffsetMs(midLocal - off, tz);
  return { ms: mid, weekday: local.getUTCDay() };
}

/**
 * Off-shift windows of a pattern between `originMs` and `originMs + horizonMin`, in minutes from the origin.
 * Times are the plant's local time.
 */
export function shiftDowntimes(
  pattern: TShiftPattern,
  originMs: number,
  horizonMin: number,
  timezone: string,
): TimeWindow[] {
  if (pattern === 'continuous') return [];
  const out: TimeWindow[] = [];
  const first = localMidnight(originMs, timezone);
  const days = Math.ceil(horizonMin / DAY_MIN) + 2;
  for (let d = -1; d < days; d++) {
    // Local midnight of day d (24 h steps, then snapped to the local midnight to follow DST).
    const mid = localMidnight(first.ms + d * DAY_MIN * MINUTE_MS + 12 * 3600_000, timezone);
    const at = (hour: number) => (mid.ms - originMs) / MINUTE_MS + hour * 60;
    const weekday = mid.weekday;
    if (pattern === 'two_shift_mon_sat') {
      if (weekday === 0)
        out.push({ start: at(0), end: at(30) }); // Sunday 00:00 to Monday 06:00
      else if (weekday === 6)
        out.push({ start: at(22), end: at(24) }); // then Sunday's window
      else out.push({ start: at(22), end: at(30) }); // 22:00 to 06:00 next morning
    } else if (weekday === 0) {
      out.push({ start: at(6), end: at(30) }); // three shifts Mon–Sat: Sunday 06:00 to Monday 06:00 off
    }
  }
  return clipWindows(out, horizonMin);
}

/** Sorted, merged windows clipped to [0, horizon] (a window reaching back before 0 starts at 0). */
export function clipWindows(windows: TimeWindow[], horizonMin: number): TimeWindow[] {
  const sorted = windows
    .map((w) => ({ start: Math.max(0, Math.floor(w.start)), end: Math.min(horizonMin, Math.ceil(w.end)) }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
  const merged: TimeWindow[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}
