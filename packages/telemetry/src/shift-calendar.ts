import { type ShiftDefinition, TelemetryInputError } from './telemetry-store.ts';
import { requireName, requireTimeZone } from './validate.ts';

/** One occurrence of a shift: [startMs, endMs) in UTC, for the local production day it starts on. */
export interface ShiftInstance {
  day: string;
  code: string;
  startMs: number;
  endMs: number;
}

export const MAX_SHIFT_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseDay(field: string, value: unknown): { y: number; m: number; d: number } {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) throw new TelemetryInputError(field, 'must be a day written YYYY-MM-DD');
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new TelemetryInputError(field, `${String(value)} is not a calendar day`);
  }
  return { y, m, d };
}

function parseClock(field: string, value: unknown): number {
  const match = typeof value === 'string' ? CLOCK.exec(value) : null;
  if (!match) throw new TelemetryInputError(field, 'must be a local time written HH:MM (00:00 to 23:59)');
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms (east positive). */
function zoneOffsetMs(ms: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (ms - (ms % 1000));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The UTC instant of a local wall-clock time. A time skipped by a daylight-saving jump maps to the instant
 * after the jump; a time that occurs twice maps to its first occurrence.
 */
export function zonedTimeToUtcMs(
  timeZone: string,
  y: number,
  m: number,
  d: number,
  minuteOfDay: number,
): number {
  const f = formatterFor(timeZone);
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * 60_000;
  // Try the offsets in force a day either side and keep the earliest instant whose wall clock matches.
  const candidates = [
    zoneOffsetMs(wall - 86_400_000, f),
    zoneOffsetMs(wall, f),
    zoneOffsetMs(wall + 86_400_000, f),
  ]
    .map((offset) => wall - offset)
    .filter((t) => t + zoneOffsetMs(t, f) === wall)
    .sort((a, b) => a - b);
  const exact = candidates[0];
  if (exact !== undefined) return exact;
  // In a gap: shift by the offset before the jump, which lands after it.
  return wall - zoneOffsetMs(wall - 86_400_000, f);
}

function addDays(day: { y: number; m: number; d: number }, n: number) {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const dayText = (day: { y: number; m: number; d: number }) =>
  `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;

/**
 * Every shift occurrence of the local days fromDay..toDay (inclusive), sorted by start. A shift whose end is
 * not after its start ends the next day (22:00-06:00); equal start and end is a 24-hour shift. Occurrences
 * may not overlap.
 */
export function shiftInstances(request: {
  timeZone: string;
  fromDay: string;
  toDay: string;
  shifts: readonly ShiftDefinition[];
}): ShiftInstance[] {
  const timeZone = requireTimeZone('timeZone', request.timeZone);
  const from = parseDay('fromDay', request.fromDay);
  const to = parseDay('toDay', request.toDay);
  const days =
    Math.round((Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / 86_400_000) + 1;
  if (days < 1) throw new TelemetryInputError('toDay', 'is before fromDay');
  if (days > MAX_SHIFT_DAYS) throw new TelemetryInputError('toDay', `spans more than ${MAX_SHIFT_DAYS} days`);
  if (!Array.isArray(request.shifts) || request.shifts.length === 0) {
    throw new TelemetryInputError('shifts', 'must list at least one shift');
  }
  if (request.shifts.length > 24) throw new TelemetryInputError('shifts', 'has more than 24 shifts');
  const seen = new Set<string>();
  const defs = request.shifts.map((s, i) => {
    const code = requireName(`shifts[${i}].code`, s?.code, 32);
    if (seen.has(code)) throw new TelemetryInputError(`shifts[${i}].code`, `"${code}" is listed twice`);
    seen.add(code);
    const start = parseClock(`shifts[${i}].start`, s.start);
    const end = parseClock(`shifts[${i}].end`, s.end);
    return { code, start, end, crosses: end <= start };
  });
  const out: ShiftInstance[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    for (const s of defs) {
      const endDay = s.crosses ? addDays(day, 1) : day;
      out.push({
        day: dayText(day),
        code: s.code,
        startMs: zonedTimeToUtcMs(timeZone, day.y, day.m, day.d, s.start),
        endMs: zonedTimeToUtcMs(timeZone, endDay.y, endDay.m, endDay.d, s.end),
      });
    }
  }
  out.sort((a, b) => a.startMs - b.startMs);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i];
    if (prev && cur && cur.startMs < prev.endMs) {
      throw new TelemetryInputError(
        'shifts',
        `${cur.code} on ${cur.day} overlaps ${prev.code} on ${prev.day}`,
      );
    }
  }
  return out;
}
