import { panWindow, selectionWindow, timeTickStep, timeTicks, valueTicks, zoomWindow } from '@ingot/ui';
import { describe, expect, it } from 'vitest';

const H = 3_600_000;
const D = 24 * H;

describe('trend chart arithmetic (@ingot/ui trend-chart-scale)', () => {
  it('puts time ticks on whole steps of the plant wall clock', () => {
    // 2026-11-28 22:30 Shanghai (UTC+8) to 2026-11-30 01:00.
    const from = Date.UTC(2026, 10, 28, 14, 30);
    const to = Date.UTC(2026, 10, 29, 17, 0);
    const ticks = timeTicks({ from, to }, 6 * H, 'Asia/Shanghai');
    const local = ticks.map((t) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(t),
    );
    expect(local).toEqual(['00:00', '06:00', '12:00', '18:00', '00:00']);
    const days = timeTicks({ from, to: from + 3 * D }, D, 'Asia/Shanghai');
    expect(days.every((t) => (t + 8 * H) % D === 0)).toBe(true);
    expect(days).toHaveLength(3);
  });

  it('chooses a tick step that keeps the number of ticks under the limit', () => {
    expect(timeTickStep(H, 6)).toBe(10 * 60_000);
    expect(timeTickStep(H, 3)).toBe(30 * 60_000);
    expect(timeTickStep(90 * D, 8)).toBe(14 * D);
  });

  it('gives round value ticks covering the data', () => {
    const v = valueTicks(0.262, 0.281);
    expect(v.lo).toBeCloseTo(0.26, 10);
    expect(v.hi).toBeCloseTo(0.285, 10);
    expect(v.ticks).toEqual([0.26, 0.265, 0.27, 0.275, 0.28, 0.285]);
    expect(valueTicks(5, 5).ticks.length).toBeGreaterThan(1);
    expect(valueTicks(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY).ticks).toEqual([]);
  });

  it('zooms around the anchor within the allowed spans', () => {
    const w = { from: 0, to: 4 * H };
    expect(zoomWindow(w, 0.5, 2 * H, 60_000, 90 * D)).toEqual({ from: H, to: 3 * H });
    expect(zoomWindow(w, 0.5, 0, 60_000, 90 * D)).toEqual({ from: 0, to: 2 * H });
    expect(
      zoomWindow(w, 1e-9, 2 * H, 60_000, 90 * D).to - zoomWindow(w, 1e-9, 2 * H, 60_000, 90 * D).from,
    ).toBe(60_000);
    const out = zoomWindow({ from: 0, to: 60 * D }, 2, 30 * D, 60_000, 90 * D);
    expect(out.to - out.from).toBe(90 * D);
  });

  it('pans by a fraction of the span and never past now', () => {
    expect(panWindow({ from: 0, to: 4 * H }, -0.25)).toEqual({ from: -H, to: 3 * H });
    expect(panWindow({ from: 0, to: 4 * H }, 1, 5 * H)).toEqual({ from: H, to: 5 * H });
  });

  it('turns a drag into a window of at least the minimum span', () => {
    expect(selectionWindow(5 * H, 2 * H, 60_000)).toEqual({ from: 2 * H, to: 5 * H });
    expect(selectionWindow(H, H + 1000, 60_000)).toEqual({ from: H + 500 - 30_000, to: H + 500 + 30_000 });
  });
});
