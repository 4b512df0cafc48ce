/**
 * The Gantt chart's time axis: a linear map between epoch milliseconds and pixels at a zoom level, and the tick
 * ladder that labels it. Pure functions, so the layout maths is unit tested without a browser.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Zoom levels in pixels per hour, from a two-week overview to a quarter-hour close-up. */
export const ZOOM_LEVELS = [2, 4, 8, 16, 32, 64, 128] as const;
export const DEFAULT_ZOOM_INDEX = 3;

export interface TTimeScale {
  /** Epoch ms at x = 0. */
  readonly start: number;
  /** Epoch ms at the right edge. */
  readonly end: number;
  readonly pxPerHour: number;
  /** Total width in pixels. */
  readonly width: number;
  x(t: number): number;
  t(x: number): number;
}

/** A linear scale over [start, end] at `pxPerHour`. A range that is empty or reversed is refused. */
export function createTimeScale(start: number, end: number, pxPerHour: number): TTimeScale {
  if (!Number.isFinite(start) || !Number.isFinite(end))
    throw new RangeError('time scale: start and end must be finite');
  if (end <= start) throw new RangeError(`time scale: end (${end}) must be after start (${start})`);
  if (!(pxPerHour > 0)) throw new RangeError(`time scale: pxPerHour must be positive, got ${pxPerHour}`);
  const pxPerMs = pxPerHour / HOUR_MS;
  return {
    start,
    end,
    pxPerHour,
    width: Math.ceil((end - start) * pxPerMs),
    x: (t) => (t - start) * pxPerMs,
    t: (x) => start + x / pxPerMs,
  };
}

/** The zoom index after one step in `direction` (+1 closer, -1 wider), clamped to the ladder. */
export function stepZoom(index: number, direction: 1 | -1): number {
  return Math.min(ZOOM_LEVELS.length - 1, Math.max(0, index + direction));
}

/**
 * The chart's time window: from the earliest to the latest of the given instants, padded and aligned to whole
 * hours (in UTC + `offsetMinutes`), at least `minSpanMs` wide. With nothing to show, a window around `now`.
 */
export function chartWindow(
  instants: readonly number[],
  opts: { now: number; padMs?: number; minSpanMs?: number; offsetMinutes?: number },
): { start: number; end: number } {
  const pad = opts.padMs ?? 2 * HOUR_MS;
  const minSpan = opts.minSpanMs ?? DAY_MS;
  const finite = instants.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : opts.now;
  let hi = finite.length ? Math.max(...finite) : opts.now;
  lo -= pad;
  hi += pad;
  if (hi - lo < minSpan) hi = lo + minSpan;
  const off = (opts.offsetMinutes ?? 0) * MINUTE_MS;
  const start = Math.floor((lo + off) / HOUR_MS) * HOUR_MS - off;
  const end = Math.ceil((hi + off) / HOUR_MS) * HOUR_MS - off;
  return { start, end };
}

/** Tick steps the axis may use, smallest first. */
export const TICK_STEPS_MS = [
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
  2 * DAY_MS,
  7 * DAY_MS,
] as const;

/** The smallest tick step whose spacing is at least `minPx` pixels at `pxPerHour`. */
export function tickStep(pxPerHour: number, minPx = 56): number {
  for (const step of TICK_STEPS_MS) {
    if ((step / HOUR_MS) * pxPerHour >= minPx) return step;
  }
  return TICK_STEPS_MS[TICK_STEPS_MS.length - 1] ?? 7 * DAY_MS;
}

export interface TTick {
  t: number;
  x: number;
  /** A tick on a local midnight: labelled with the date, drawn stronger. */
  major: boolean;
}

/**
 * Ticks every `step` over the scale, aligned to local wall-clock multiples of the step (local = UTC +
 * `offsetMinutes`, the plant's offset; plants in China have no daylight saving). Midnights are major.
 */
export function ticks(scale: TTimeScale, step: number, offsetMinutes = 0): TTick[] {
  const off = offsetMinutes * MINUTE_MS;
  // Weeks align to local midnights only (epoch day 0 was a Thursday; a week tick on Thursdays is fine).
  const align = step > DAY_MS ? DAY_MS : step;
  const first = Math.ceil((scale.start + off) / align) * align - off;
  const out: TTick[] = [];
  for (let t = first; t <= scale.end; t += step) {
    out.push({ t, x: scale.x(t), major: (t + off) % DAY_MS === 0 });
  }
  return out;
}

/** Rounds `t` to the nearest multiple of `snapMs` (local time), for drag and keyboard moves. */
export function snapTime(t: number, snapMs: number, offsetMinutes = 0): number {
  if (!(snapMs > 0)) return t;
  const off = offsetMinutes * MINUTE_MS;
  return Math.round((t + off) / snapMs) * snapMs - off;
}

/** How far a keyboard step or a drag snaps at a zoom: about 8 pixels, in whole 5/15/30/60-minute units. */
export function snapStep(pxPerHour: number): number {
  const minutes = (8 / pxPerHour) * 60;
  for (const m of [5, 15, 30, 60, 120, 240]) if (m >= minutes) return m * MINUTE_MS;
  return 240 * MINUTE_MS;
}

/** The UTC offset (minutes) of an IANA time zone at an instant, e.g. Asia/Shanghai -> 480. */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(at / 1000) * 1000) / MINUTE_MS);
}
