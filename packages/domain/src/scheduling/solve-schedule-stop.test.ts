import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import { generateRollingPlant } from './rolling-plant-generator.ts';
import { solveSchedule } from './solve-schedule.ts';

describe('solveSchedule cancellation and progress hooks', () => {
  const instance = generateRollingPlant({ orders: 60, seed: 3 });

  it('stops soon after shouldStop answers true and returns a feasible best-so-far schedule', () => {
    const t0 = performance.now();
    let calls = 0;
    const result = solveSchedule(instance, {
      timeLimitMs: 30_000,
      seed: 1,
      shouldStop: () => {
        calls++;
        return performance.now() - t0 > 300;
      },
    });
    const elapsed = performance.now() - t0;
    expect(calls).toBeGreaterThan(1);
    expect(result.stats.stopped).toBe(true);
    // 30 s budget, stopped after ~0.3 s: the check runs between iterations, so well under a second.
    expect(elapsed).toBeLessThan(2_000);
    expect(checkSchedule(instance, result.schedule).violations).toEqual([]);
    expect(Number.isFinite(result.stats.elapsedMs)).toBe(true);
  });

  it('a stop requested before the start still yields one schedule from the first dispatch rule', () => {
    const result = solveSchedule(instance, { timeLimitMs: 30_000, shouldStop: () => true });
    expect(result.stats.stopped).toBe(true);
    expect(result.stats.starts).toHaveLength(1);
    expect(checkSchedule(instance, result.schedule).violations).toEqual([]);
  });

  it('reports progress periodically while searching', () => {
    const reports: { elapsedMs: number; bestObjective: number; phase: string }[] = [];
    const result = solveSchedule(instance, {
      timeLimitMs: 700,
      progressIntervalMs: 100,
      onProgress: (p) => reports.push(p),
    });
    expect(result.stats.stopped).toBe(false);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    const last = reports.at(-1);
    expect(last?.phase).toBe('search');
    expect(last?.bestObjective).toBeGreaterThanOrEqual(result.objective.total);
    for (let i = 1; i < reports.length; i++) {
      expect((reports[i]?.elapsedMs ?? 0) - (reports[i - 1]?.elapsedMs ?? 0)).toBeGreaterThanOrEqual(99);
    }
  });

  it('without hooks the run is unchanged: same seed and iteration budget give the same schedule', () => {
    const a = solveSchedule(instance, { timeLimitMs: 60_000, maxIterations: 3000, seed: 5 });
    const b = solveSchedule(instance, {
      timeLimitMs: 60_000,
      maxIterations: 3000,
      seed: 5,
      shouldStop: () => false,
      onProgress: () => {},
    });
    expect(b.schedule).toEqual(a.schedule);
  });
});
