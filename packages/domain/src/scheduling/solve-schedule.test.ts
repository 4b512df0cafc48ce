import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import type { Schedule, SchedulingInstance } from './model.ts';
import { randomInstance } from './random-instance.ts';
import { scheduleByRule, solveSchedule } from './solve-schedule.ts';

const generous = { timeLimitMs: 60_000 };

function expectFeasible(instance: SchedulingInstance, schedule: Schedule) {
  const check = checkSchedule(instance, schedule);
  expect(check.violations).toEqual([]);
  return check;
}

/** Optimal makespan of a tiny flexible job shop by enumerating assignments and job-order sequences. */
function bruteForceMakespan(instance: SchedulingInstance): number {
  const ops = instance.jobs.flatMap((job, j) =>
    job.operations.map((op, i) => ({ j, i, options: op.options })),
  );
  const machineIndex = new Map(instance.machines.map((m, k) => [m.id, k]));
  const assign: number[] = new Array(ops.length).fill(0);
  const counts = instance.jobs.map((j) => j.operations.length);
  const firstOp = instance.jobs.map((_, j) => ops.findIndex((o) => o.j === j));
  const evalSequences = (): void => {
    const next = counts.map(() => 0);
    const seq: number[] = [];
    const rec = (): void => {
      if (seq.length === ops.length) {
        const machineFree = instance.machines.map(() => 0);
        const jobReady = counts.map(() => 0);
        const done = counts.map(() => 0);
        for (const j of seq) {
          const o = (firstOp[j] as number) + (done[j] as number);
          const opt = ops[o]?.options[assign[o] as number] as { machineId: string; duration: number };
          const m = machineIndex.get(opt.machineId) as number;
          const s = Math.max(machineFree[m] as number, jobReady[j] as number);
          machineFree[m] = s + opt.duration;
          jobReady[j] = s + opt.duration;
          done[j] = (done[j] as number) + 1;
        }
        const cmax = Math.max(...jobReady);
        if (cmax < bestFound) bestFound = cmax;
        return;
      }
      for (let j = 0; j < counts.length; j++) {
        if ((next[j] as number) < (counts[j] as number)) {
          next[j] = (next[j] as number) + 1;
          seq.push(j);
          rec();
          seq.pop();
          next[j] = (next[j] as number) - 1;
        }
      }
    };
    rec();
  };
  let bestFound = Number.POSITIVE_INFINITY;
  const recAssign = (o: number): void => {
    if (o === ops.length) {
      evalSequences();
      return;
    }
    for (let a = 0; a < (ops[o]?.options.length ?? 0); a++) {
      assign[o] = a;
      recAssign(o + 1);
    }
  };
  recAssign(0);
  return bestFound;
}

describe('solveSchedule', () => {
  const featureSets = [
    { jobs: 6, machines: 3 },
    { jobs: 8, machines: 4, setups: true },
    { jobs: 8, machines: 4, batches: true },
    { jobs: 8, machines: 4, downtimes: true },
    { jobs: 8, machines: 4, releaseDates: true, dueDates: true },
    {
      jobs: 10,
      machines: 4,
      setups: true,
      batches: true,
      downtimes: true,
      releaseDates: true,
      dueDates: true,
    },
  ];

  it('always returns schedules the independent checker accepts (random instances, every feature)', () => {
    for (const [f, features] of featureSets.entries()) {
      for (let seed = 1; seed <= 4; seed++) {
        const instance = randomInstance(seed * 10 + f, features);
        const result = solveSchedule(instance, { ...generous, seed, maxIterations: 1500 });
        const check = expectFeasible(instance, result.schedule);
        expect(check.metrics.makespan).toBe(result.objective.makespan);
        expect(check.metrics.weightedTardiness).toBeCloseTo(result.objective.weightedTardiness, 6);
        expect(check.metrics.setupTime).toBeCloseTo(result.objective.setupTime, 6);
        for (const rule of ['EDD', 'ATCS', 'MWKR', 'ECT'] as const) {
          expectFeasible(instance, scheduleByRule(instance, { rule, k1: 1, k2: 1 }).schedule);
        }
      }
    }
  });

  it('is deterministic for a seed and an iteration limit (tabu path and local-search path)', () => {
    for (const features of [featureSets[0], featureSets[5]]) {
      const instance = randomInstance(77, features as (typeof featureSets)[number]);
      const a = solveSchedule(instance, { ...generous, seed: 5, maxIterations: 3000 });
      const b = solveSchedule(instance, { ...generous, seed: 5, maxIterations: 3000 });
      expect(b.schedule).toEqual(a.schedule);
      expect(b.objective).toEqual(a.objective);
    }
  });

  it('finds the optimal makespan of a tiny flexible job shop (checked by brute force)', () => {
    for (const seed of [1, 2, 3, 8]) {
      const instance = randomInstance(seed, { jobs: 3, machines: 2, maxOps: 3 });
      expect(instance.jobs.reduce((n, j) => n + j.operations.length, 0)).toBeLessThanOrEqual(7);
      const optimum = bruteForceMakespan(instance);
      const result = solveSchedule(instance, { ...generous, seed: 1, maxIterations: 5000 });
      expectFeasible(instance, result.schedule);
      expect(result.objective.makespan).toBe(optimum);
    }
  });

  it('finds the optimal weighted tardiness with setups on one machine (brute force over orders)', () => {
    const jobs = [
      { id: 'A', family: 'X', p: 4, due: 6, w: 1 },
      { id: 'B', family: 'Y', p: 3, due: 5, w: 3 },
      { id: 'C', family: 'X', p: 2, due: 9, w: 2 },
      { id: 'D', family: 'Y', p: 5, due: 12, w: 1 },
      { id: 'E', family: 'X', p: 3, due: 8, w: 2 },
    ];
    const setup = { X: { Y: 4 }, Y: { X: 3 } };
    const instance: SchedulingInstance = {
      machines: [{ id: 'M', setup: { times: setup } }],
      jobs: jobs.map((j) => ({
        id: j.id,
        dueDate: j.due,
        weight: j.w,
        operations: [{ id: 'op', family: j.family, options: [{ machineId: 'M', duration: j.p }] }],
      })),
    };
    let best = Number.POSITIVE_INFINITY;
    const permute = (rest: typeof jobs, t: number, fam: string | undefined, cost: number): void => {
      if (cost >= best) return;
      if (rest.length === 0) {
        best = cost;
        return;
      }
      rest.forEach((j, i) => {
        const s =
          fam && fam !== j.family
            ? ((setup as Record<string, Record<string, number>>)[fam]?.[j.family] ?? 0)
            : 0;
        const end = t + s + j.p;
        permute(
          [...rest.slice(0, i), ...rest.slice(i + 1)],
          end,
          j.family,
          cost + j.w * Math.max(0, end - j.due),
        );
      });
    };
    permute(jobs, 0, undefined, 0);
    const result = solveSchedule(instance, { ...generous, seed: 2, maxIterations: 4000 });
    expectFeasible(instance, result.schedule);
    expect(result.objective.weightedTardiness).toBe(best);
  });

  it('keeps frozen operations and locked operations', () => {
    const features = featureSets[5] as (typeof featureSets)[number];
    for (const seed of [1, 2, 3]) {
      const instance = randomInstance(seed + 100, features);
      const first = solveSchedule(instance, { ...generous, seed, maxIterations: 1000 });
      const frozenUntil = Math.round(first.objective.makespan / 3);
      // reschedule after machine M0 breaks down for a while (once its frozen work is done), keeping the
      // frozen horizon
      const downFrom = Math.max(
        frozenUntil,
        ...first.schedule.operations
          .filter((o) => o.machineId === 'M0' && o.start < frozenUntil)
          .map((o) => o.end),
      );
      const broken: SchedulingInstance = {
        ...instance,
        machines: instance.machines.map((m) =>
          m.id === 'M0'
            ? { ...m, downtimes: [...(m.downtimes ?? []), { start: downFrom, end: downFrom + 15 }] }
            : m,
        ),
        frozen: { frozenUntil, plan: first.schedule },
      };
      const second = solveSchedule(broken, { ...generous, seed, maxIterations: 1000 });
      expectFeasible(broken, second.schedule);
      const frozen = first.schedule.operations.filter((o) => o.start < frozenUntil);
      expect(frozen.length).toBeGreaterThan(0);
      for (const f of frozen) {
        const now = second.schedule.operations.find(
          (o) => o.jobId === f.jobId && o.operationId === f.operationId,
        );
        expect(now?.machineId).toBe(f.machineId);
        expect(now?.start).toBe(f.start);
      }

      // locks: the first two operations of the first job fixed where they were; the next restricted to its machine
      const job = instance.jobs[0] as SchedulingInstance['jobs'][number];
      const at = (opId: string) =>
        first.schedule.operations.find(
          (o) => o.jobId === job.id && o.operationId === opId,
        ) as Schedule['operations'][number];
      const locked: SchedulingInstance = {
        ...instance,
        jobs: instance.jobs.map((j, ji) =>
          ji !== 0
            ? j
            : {
                ...j,
                operations: j.operations.map((op, i) => {
                  const p = at(op.id);
                  if (i === 0) return { ...op, lock: { machineId: p.machineId, start: p.start } };
                  return { ...op, lock: { machineId: p.machineId } };
                }),
              },
        ),
      };
      const third = solveSchedule(locked, { ...generous, seed, maxIterations: 1000 });
      expectFeasible(locked, third.schedule);
      expect(third.objective.lockViolation).toBe(0);
      for (const op of job.operations) {
        const p = third.schedule.operations.find((o) => o.jobId === job.id && o.operationId === op.id);
        expect(p?.machineId).toBe(at(op.id).machineId);
      }
    }
  });

  it('respects the time limit', () => {
    const instance = randomInstance(9, featureSets[5] as (typeof featureSets)[number]);
    const t0 = performance.now();
    const result = solveSchedule(instance, { timeLimitMs: 300, seed: 1 });
    expect(performance.now() - t0).toBeLessThan(2000);
    expectFeasible(instance, result.schedule);
  });
});
