/**
 * Pure arithmetic of the trend chart: time ticks aligned to the wall clock of a time zone, value ticks, and the
 * window after a zoom or pan (clamped to the allowed span). No React, no DOM: unit-tested on its own.
 */
import { zoneOffsetMinutes } from './gantt/time-scale.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** Tick steps of the time axis, shortest first. */
export const TIME_TICK_STEPS: readonly number[] = [
  S,
  5 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
  14 * D,
  30 * D,
];

export interface TTimeWindow {
  from: number;
  to: number;
}

/** The smallest step giving at most `maxTicks` ticks over the window. */
export function timeTickStep(spanMs: number, maxTicks: number): number {
  const want = spanMs / Math.max(1, maxTicks);
  for (const step of TIME_TICK_STEPS) if (step >= want) return step;
  return TIME_TICK_STEPS[TIME_TICK_STEPS.length - 1] as number;
}

/**
 * Tick instants inside [from, to], on whole steps of the zone's wall clock (a 6 h step gives 00:00, 06:00, ...
 * local; a day step local midnights). The offset is taken at each tick, so a daylight-saving change shifts
 * nothing more than that day.
 */
export function timeTicks(window: TTimeWindow, step: number, timeZone: string): number[] {
  const out: number[] = [];
  const offset = (t: number) => zoneOffsetMinutes(timeZone, t) * M;
  // Weekly and longer steps align to days (a week starting on an arbitrary epoch weekday reads fine on a trend).
  const align = step >= D ? D : step;
  const first = Math.ceil((window.from + offset(window.from)) / align) * align;
  for (let local = first; out.length < 500; local += step) {
    const t = local - offset(local - offset(window.from));
    if (t > window.to) break;
    if (t >= window.from) out.push(t);
  }
  return out;
}

/** Formatting options of a time tick label for this step: time of day under a day, date from a day up. */
export function timeTickFormat(step: number, timeZone: string): Intl.DateTimeFormatOptions {
  if (step >= D) return { timeZone, month: '2-digit', day: '2-digit' };
  if (step >= M) return { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
}

/** "Nice" value ticks (1, 2, 2.5, 5 x 10^n) covering [min, max], and the rounded extent they span. */
export function valueTicks(
  min: number,
  max: number,
  maxTicks = 5,
): { ticks: number[]; lo: number; hi: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [], lo: 0, hi: 1 };
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.05 : 1;
    return valueTicks(min - pad, max + pad, maxTicks);
  }
  const raw = (max - min) / Math.max(1, maxTicks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { ticks, lo, hi };
}

function clampSpan(span: number, minSpanMs: number, maxSpanMs: number): number {
  return Math.min(maxSpanMs, Math.max(minSpanMs, span));
}

/** Zooms by `factor` (< 1 in, > 1 out) around `anchor` (an instant inside the window; its place stays put). */
export function zoomWindow(
  window: TTimeWindow,
  factor: number,
  anchor: number,
  minSpanMs: number,
  maxSpanMs: number,
): TTimeWindow {
  const span = window.to - window.from;
  const next = clampSpan(span * factor, minSpanMs, maxSpanMs);
  const ratio = span > 0 ? (anchor - window.from) / span : 0.5;
  const from = Math.round(anchor - ratio * next);
  return { from, to: from + Math.round(next) };
}

/** Shifts the window by `fraction` of its span (negative: back in time); never past `latest` when given. */
export function panWindow(window: TTimeWindow, fraction: number, latest?: number): TTimeWindow {
  const span = window.to - window.from;
  let from = Math.round(window.from + span * fraction);
  if (latest !== undefined && from + span > latest) from = latest - span;
  return { from, to: from + span };
}

/** The window selected by dragging from `a` to `b` (either order), at least `minSpanMs` wide. */
export function selectionWindow(a: number, b: number, minSpanMs: number): TTimeWindow {
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  if (to - from >= minSpanMs) return { from, to };
  const mid = (from + to) / 2;
  return { from: Math.round(mid - minSpanMs / 2), to: Math.round(mid + minSpanMs / 2) };
}
