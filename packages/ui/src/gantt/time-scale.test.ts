import { describe, expect, it } from 'vitest';
import {
  chartWindow,
  createTimeScale,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  snapStep,
  snapTime,
  stepZoom,
  tickStep,
  ticks,
  ZOOM_LEVELS,
  zoneOffsetMinutes,
} from './time-scale.ts';

const T0 = Date.UTC(2026, 10, 30, 0, 0); // 2026-11-30 00:00Z = 08:00 Asia/Shanghai

describe('createTimeScale', () => {
  it('maps time to pixels linearly and back', () => {
    const s = createTimeScale(T0, T0 + DAY_MS, 10);
    expect(s.width).toBe(240);
    expect(s.x(T0)).toBe(0);
    expect(s.x(T0 + 90 * MINUTE_MS)).toBe(15);
    expect(s.t(15)).toBe(T0 + 90 * MINUTE_MS);
    expect(s.t(s.x(T0 + 12_345_678))).toBeCloseTo(T0 + 12_345_678, 3);
  });

  it('refuses an empty or reversed range and a non-positive zoom, saying which', () => {
    expect(() => createTimeScale(T0, T0, 10)).toThrow(/end .* must be after start/);
    expect(() => createTimeScale(T0, T0 - 1, 10)).toThrow(/must be after/);
    expect(() => createTimeScale(T0, T0 + HOUR_MS, 0)).toThrow(/pxPerHour must be positive/);
    expect(() => createTimeScale(Number.NaN, T0, 1)).toThrow(/finite/);
  });
});

describe('zoom', () => {
  it('steps through the ladder and stops at both ends', () => {
    expect(stepZoom(0, -1)).toBe(0);
    expect(stepZoom(0, 1)).toBe(1);
    expect(stepZoom(ZOOM_LEVELS.length - 1, 1)).toBe(ZOOM_LEVELS.length - 1);
  });

  it('picks wider ticks when zoomed out so labels never crowd (>= 56 px apart)', () => {
    for (const z of ZOOM_LEVELS) {
      const step = tickStep(z);
      expect((step / HOUR_MS) * z).toBeGreaterThanOrEqual(56);
    }
    expect(tickStep(128)).toBe(30 * MINUTE_MS);
    expect(tickStep(16)).toBe(6 * HOUR_MS);
    expect(tickStep(2)).toBe(2 * DAY_MS);
  });

  it('snaps keyboard and drag moves to whole minutes that grow as the zoom widens', () => {
    expect(snapStep(128)).toBe(5 * MINUTE_MS);
    expect(snapStep(32)).toBe(15 * MINUTE_MS);
    expect(snapStep(16)).toBe(30 * MINUTE_MS);
    expect(snapStep(2)).toBe(240 * MINUTE_MS);
  });
});

describe('ticks', () => {
  it('aligns to plant-local wall clock and marks local midnights as major', () => {
    // Window 2026-11-30 08:00 .. 12-01 08:00 Shanghai; 6-hour ticks at 12:00, 18:00, 00:00, 06:00 local.
    const s = createTimeScale(T0 + 30 * MINUTE_MS, T0 + DAY_MS, 16);
    const list = ticks(s, 6 * HOUR_MS, 480);
    const localHours = list.map((k) => new Date(k.t + 480 * MINUTE_MS).getUTCHours());
    expect(localHours).toEqual([12, 18, 0, 6]);
    expect(list.map((k) => k.major)).toEqual([false, false, true, false]);
    expect(list[0]?.x).toBeCloseTo(s.x(list[0]?.t ?? 0));
  });

  it('puts week ticks on local midnights', () => {
    const s = createTimeScale(T0, T0 + 30 * DAY_MS, 2);
    for (const k of ticks(s, 7 * DAY_MS, 480)) expect(k.major).toBe(true);
  });
});

describe('snapTime', () => {
  it('rounds to the nearest multiple in local time', () => {
    expect(snapTime(T0 + 7 * MINUTE_MS, 15 * MINUTE_MS)).toBe(T0 + 0);
    expect(snapTime(T0 + 8 * MINUTE_MS, 15 * MINUTE_MS)).toBe(T0 + 15 * MINUTE_MS);
    // India (+05:30): hour snapping lands on local whole hours, not UTC ones.
    const snapped = snapTime(T0 + 20 * MINUTE_MS, HOUR_MS, 330);
    expect((snapped + 330 * MINUTE_MS) % HOUR_MS).toBe(0);
    expect(snapTime(T0 + 1, 0)).toBe(T0 + 1);
  });
});

describe('chartWindow', () => {
  it('pads, aligns to whole local hours and keeps a minimum span', () => {
    const w = chartWindow([T0 + 10 * MINUTE_MS, T0 + 2 * HOUR_MS + 50 * MINUTE_MS], {
      now: 0,
      padMs: HOUR_MS,
      minSpanMs: 0,
    });
    expect(w.start).toBe(T0 - HOUR_MS);
    expect(w.end).toBe(T0 + 4 * HOUR_MS);
    const wide = chartWindow([T0], { now: 0, padMs: 0, minSpanMs: DAY_MS });
    expect(wide.end - wide.start).toBe(DAY_MS);
  });

  it('centres on now when there is nothing to show', () => {
    const w = chartWindow([], { now: T0, padMs: 0, minSpanMs: DAY_MS });
    expect(w.start).toBe(T0);
    expect(w.end).toBe(T0 + DAY_MS);
  });
});

describe('zoneOffsetMinutes', () => {
  it('reads the offset of a time zone from Intl', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', T0)).toBe(480);
    expect(zoneOffsetMinutes('UTC', T0)).toBe(0);
    expect(zoneOffsetMinutes('Asia/Kolkata', T0)).toBe(330);
  });
});
