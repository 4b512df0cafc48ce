import { type CompiledInstance, compileInstance } from './compile-instance.ts';
import {
  type ObjectiveValue,
  ScheduleDecoder,
  type SequenceSolution,
  scheduleFromDecoder,
} from './decode-schedule.ts';
import { type DispatchRule, dispatch } from './dispatch-rules.ts';
import { explainLateness, type LatenessExplanation } from './explain-lateness.ts';
import { type FjspState, fjspTabuSearch, isPlainFjsp } from './fjsp-tabu-search.ts';
import { cloneSolution, costOf, improveSchedule } from './improve-schedule.ts';
import type { Schedule, SchedulingInstance } from './model.ts';
import { createPrng } from './prng.ts';

export interface SolveOptions {
  /** Wall-clock budget in ms (default 10 000). The only time-dependent branch is this deadline check. */
  timeLimitMs?: number;
  /** Iteration budget of the improvement phase; with it (and a generous time limit) a run is reproducible. */
  maxIterations?: number;
  /** Seed of the solver's own generator (default 1). */
  seed?: number;
  /** Clock in ms (default `performance.now`). */
  now?: () => number;
  /** Batch machines: how long a run may wait for another compatible member, as a share of its duration. */
  batchWaitFactor?: number;
  /** Called whenever the best objective improves. */
  onImprove?: (objective: number, elapsedMs: number) => void;
  /**
   * Cooperative cancellation: polled between iterations of every phase (dispatch starts, restarts, the
   * search). Once it answers true the solver stops searching and returns the best schedule found so far
   * (`stats.stopped` is true). Keep it cheap (e.g. `Atomics.load` of a shared flag): it is called often.
   */
  shouldStop?: () => boolean;
  /** Called at most every `progressIntervalMs` (default 500) while the solver runs, e.g. to heartbeat. */
  onProgress?: (progress: SolveProgress) => void;
  progressIntervalMs?: number;
}

export interface SolveProgress {
  elapsedMs: number;
  /** Best objective (total) found so far; +Infinity before the first schedule. */
  bestObjective: number;
  phase: 'starts' | 'search';
}

export interface SolveResult {
  schedule: Schedule;
  objective: ObjectiveValue;
  /** One entry per late job: what held it up. */
  explanations: LatenessExplanation[];
  stats: {
    /** `fjsp-tabu`: plain flexible job shop with a makespan objective; `local-search` otherwise. */
    method: 'fjsp-tabu' | 'local-search';
    seed: number;
    iterations: number;
    elapsedMs: number;
    /** When (ms after the start) the returned solution was found. */
    bestFoundAtMs: number;
    /** Objective of every constructive start (dispatch rules). */
    starts: { rule: string; objective: number }[];
    /** True when `shouldStop` ended the run before its budget. */
    stopped: boolean;
  };
}

/** The dispatch rules tried as starting points (and the ATCS parameter grid). */
export function startingRules(ci: CompiledInstance): { name: string; rule: DispatchRule }[] {
  const rules: { name: string; rule: DispatchRule }[] = [
    { name: 'EDD', rule: { rule: 'EDD' } },
    { name: 'MWKR', rule: { rule: 'MWKR' } },
    { name: 'ECT', rule: { rule: 'ECT' } },
  ];
  if (ci.hasDueDates) {
    for (const k1 of [0.5, 1, 2, 4]) {
      for (const k2 of ci.hasSetups ? [0.5, 2] : [undefined]) {
        const rule: DispatchRule = { rule: 'ATCS', k1 };
        if (k2 !== undefined) rule.k2 = k2;
        rules.push({ name: `ATCS(k1=${k1}${k2 !== undefined ? `,k2=${k2}` : ''})`, rule });
      }
    }
  }
  return rules;
}

/** A simple makespan lower bound: longest job (from release) and average machine load. */
export function makespanLowerBound(ci: CompiledInstance): number {
  let lb = 0;
  let total = 0;
  for (let j = 0; j < ci.nJobs; j++) {
    let s = ci.jobRelease[j] as number;
    for (let o = ci.jobStart[j] as number; o < (ci.jobStart[j + 1] as number); o++) {
      let best = Number.POSITIVE_INFINITY;
      for (let a = ci.altStart[o] as number; a < (ci.altStart[o + 1] as number); a++) {
        best = Math.min(best, ci.altDuration[a] as number);
      }
      s += best;
      total += best;
    }
    lb = Math.max(lb, s);
  }
  return Math.max(lb, Math.ceil(total / ci.nMachines));
}

/**
 * Solve a scheduling instance: constructive starts from dispatch rules, then an anytime improvement
 * until the time or iteration budget runs out. Plain flexible job shops with a makespan objective use
 * the critical-path tabu search; everything else (setups, calendars, batches, locks, frozen horizon,
 * tardiness) the decoder-based local search. Pure: no I/O; deterministic for a seed when the iteration
 * budget, not the clock, ends the run.
 */
export function solveSchedule(instance: SchedulingInstance, options: SolveOptions = {}): SolveResult {
  const wallClock = options.now ?? (() => performance.now());
  const t0 = wallClock();
  const deadline = t0 + (options.timeLimitMs ?? 10_000);
  // The searches only ever ask the clock whether the deadline has passed: a stop request makes every later
  // reading +Infinity, which ends whichever loop is running at its next check. Progress reports ride on the
  // same readings. Statistics use the plain wall clock.
  let stopped = false;
  let phase: SolveProgress['phase'] = 'starts';
  let bestTotal = Number.POSITIVE_INFINITY;
  const interval = options.progressIntervalMs ?? 500;
  let nextReport = t0 + interval;
  const hooked = options.shouldStop !== undefined || options.onProgress !== undefined;
  const now = !hooked
    ? wallClock
    : () => {
        if (!stopped && options.shouldStop?.()) stopped = true;
        const t = wallClock();
        if (options.onProgress && t >= nextReport) {
          nextReport = t + interval;
          options.onProgress({ elapsedMs: t - t0, bestObjective: bestTotal, phase });
        }
        return stopped ? Number.POSITIVE_INFINITY : t;
      };
  const seed = options.seed ?? 1;
  const rng = createPrng(seed);
  const ci = compileInstance(instance);
  const decoder = new ScheduleDecoder(ci, options.batchWaitFactor ?? 0.3);
  const w = ci.objective;

  const starts: { rule: string; objective: number }[] = [];
  let best: SequenceSolution | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  const candidates: SequenceSolution[] = [];
  for (const { name, rule } of startingRules(ci)) {
    // Every start runs as before, unless a stop was requested (at least one runs: a schedule is always returned).
    if (best && hooked) {
      now();
      if (stopped) break;
    }
    const sol = dispatch(ci, decoder, rule);
    if (!decoder.decode(sol)) continue;
    starts.push({ rule: name, objective: decoder.value.total });
    candidates.push(sol);
    const c = costOf(decoder);
    if (c < bestCost) {
      bestCost = c;
      best = sol;
      bestTotal = Math.min(bestTotal, decoder.value.total);
    }
  }
  phase = 'search';
  if (!best) throw new Error('solveSchedule: no dispatch rule produced a schedule');

  const plainMakespan =
    isPlainFjsp(ci) &&
    w.makespan > 0 &&
    (w.weightedTardiness === 0 || !ci.hasDueDates) &&
    (w.setupTime === 0 || !ci.hasSetups);
  let iterations = 0;
  let bestAt = wallClock() - t0;
  let method: SolveResult['stats']['method'] = 'local-search';
  if (plainMakespan) {
    method = 'fjsp-tabu';
    const initial: FjspState[] = candidates.map((c) => ({
      assign: c.assign,
      sequences: c.sequences.map((s) => Int32Array.from(s)),
    }));
    const res = fjspTabuSearch(ci, {
      rng,
      now,
      deadline,
      initial,
      targetMakespan: makespanLowerBound(ci),
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      onImprove: (c: number) => {
        bestAt = wallClock() - t0;
        bestTotal = c;
        options.onImprove?.(c, bestAt);
      },
    });
    iterations = res.iterations;
    best = { assign: res.assign, sequences: res.sequences.map((s) => Array.from(s)) };
  } else {
    // Randomised dispatch restarts (ATCS with sampled parameters, batch-wait factors and job biases):
    // dispatch outcomes are very sensitive to these, so sampling them is a cheap global search.
    const restartBudget = (deadline - wallClock()) * 0.3;
    const restartDeadline = wallClock() + restartBudget;
    const maxRestarts =
      options.maxIterations !== undefined ? Math.max(2, Math.floor(options.maxIterations / 2000)) : 10_000;
    let bestWait = options.batchWaitFactor ?? 0.3;
    for (let r = 0; r < maxRestarts && now() < restartDeadline; r++) {
      const bias = new Float64Array(ci.nJobs);
      const sigma = [0, 0.2, 0.5, 1][rng.int(4)] as number;
      for (let j = 0; j < ci.nJobs; j++) bias[j] = sigma * (rng.next() * 2 - 1);
      const rule: DispatchRule = {
        rule: rng.next() < 0.15 ? 'EDD' : 'ATCS',
        k1: 0.3 * Math.exp(rng.next() * Math.log(20)),
        leadTimeFactor: rng.next() * 1.5,
        bias,
      };
      if (ci.hasSetups && rng.next() < 0.8) rule.k2 = 0.2 * Math.exp(rng.next() * Math.log(15));
      const wait = [0, 0.3, 0.6, 1, 2][rng.int(5)] as number;
      decoder.batchWaitFactor = wait;
      const sol = dispatch(ci, decoder, rule);
      sol.batchWait = new Float64Array(ci.nMachines).fill(wait);
      if (!decoder.decode(sol)) continue;
      const c = costOf(decoder);
      iterations++;
      if (c < bestCost) {
        bestCost = c;
        best = sol;
        bestWait = wait;
        bestAt = wallClock() - t0;
        bestTotal = decoder.value.total;
        options.onImprove?.(decoder.value.total, bestAt);
      }
    }
    decoder.batchWaitFactor = bestWait;
    const res = improveSchedule(ci, decoder, best, {
      rng,
      now,
      deadline,
      ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    });
    iterations += res.iterations;
    best = res.best;
    if (res.bestAt !== undefined && Number.isFinite(res.bestAt)) bestAt = res.bestAt - t0;
  }
  if (!decoder.decode(best)) throw new Error('solveSchedule: best solution does not decode');
  const schedule = scheduleFromDecoder(ci, decoder, best.assign);
  const objective = { ...decoder.value };
  return {
    schedule,
    objective,
    explanations: explainLateness(instance, schedule),
    stats: {
      method,
      seed,
      iterations,
      elapsedMs: wallClock() - t0,
      bestFoundAtMs: bestAt,
      starts,
      stopped,
    },
  };
}

/** Decode a dispatch rule alone (a baseline scheduler): its schedule and objective. */
export function scheduleByRule(
  instance: SchedulingInstance,
  rule: DispatchRule,
  options: { batchWaitFactor?: number } = {},
): { schedule: Schedule; objective: ObjectiveValue } {
  const ci = compileInstance(instance);
  const decoder = new ScheduleDecoder(ci, options.batchWaitFactor ?? 0.3);
  const sol = dispatch(ci, decoder, rule);
  if (!decoder.decode(cloneSolution(sol))) throw new Error('scheduleByRule: the rule produced a cyclic plan');
  return { schedule: scheduleFromDecoder(ci, decoder, sol.assign), objective: { ...decoder.value } };
}
