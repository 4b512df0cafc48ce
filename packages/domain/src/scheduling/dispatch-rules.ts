import type { CompiledInstance } from './compile-instance.ts';
import { durationOf, type ScheduleDecoder, type SequenceSolution } from './decode-schedule.ts';

/**
 * Dispatch-rule schedulers (list scheduling). At each step every job's next operation is a candidate;
 * each candidate goes to the eligible machine where it would complete first (setups, calendar, batch
 * runs and fixed operations included). Among the candidates that could start before the earliest
 * completion (Giffler–Thompson conflict set) the rule picks one:
 *
 * - `EDD`: earliest job due date.
 * - `ATCS`: apparent tardiness cost with setups (Lee, Bhaskaran & Pinedo 1997), for a job shop with the
 *   remaining route's work as lead time: I = w/p · exp(−max(0, d − t − R)/(k1·p̄)) · exp(−s/(k2·s̄)).
 *   With `k2` absent the setup factor is dropped (plain ATC).
 * - `MWKR`: most work remaining (a makespan rule), ties by earliest completion.
 * - `ECT`: earliest completion time first (min-completion greedy for makespan).
 *
 * Each returns the machine assignment and per-machine order; `ScheduleDecoder.decode` reproduces the
 * same timing from them.
 */
export type DispatchRuleName = 'EDD' | 'ATCS' | 'MWKR' | 'ECT';

export interface DispatchRule {
  rule: DispatchRuleName;
  /** ATCS look-ahead scale for slack (typical 0.5..4). */
  k1?: number;
  /** ATCS setup scale (typical 0.25..2); absent = no setup term (ATC). */
  k2?: number;
  /** ATCS: lead time = (1 + leadTimeFactor) × remaining processing. */
  leadTimeFactor?: number;
  /** Per-job priority bias (randomised restarts): added to the ATCS log-index; EDD treats it as days earlier. */
  bias?: Float64Array;
}

export function dispatch(
  ci: CompiledInstance,
  decoder: ScheduleDecoder,
  rule: DispatchRule,
): SequenceSolution {
  const n = ci.nOps;
  const assign = new Int32Array(n).fill(-1);
  for (let o = 0; o < n; o++)
    if ((ci.fixedMachine[o] as number) >= 0) assign[o] = ci.fixedMachine[o] as number;
  const sequences: number[][] = Array.from({ length: ci.nMachines }, () => []);
  decoder.begin(assign);

  const minDur = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    let best = Number.POSITIVE_INFINITY;
    for (let a = ci.altStart[o] as number; a < (ci.altStart[o + 1] as number); a++) {
      best = Math.min(best, ci.altDuration[a] as number);
    }
    minDur[o] = best;
  }
  // remaining work from op o to the end of its job (min durations)
  const remaining = new Float64Array(n);
  for (let j = 0; j < ci.nJobs; j++) {
    let acc = 0;
    for (let o = (ci.jobStart[j + 1] as number) - 1; o >= (ci.jobStart[j] as number); o--) {
      acc += minDur[o] as number;
      remaining[o] = acc;
    }
  }
  let pBar = 0;
  for (let o = 0; o < n; o++) pBar += minDur[o] as number;
  pBar /= Math.max(1, n);
  let sBar = 0;
  let sCount = 0;
  for (const matrix of ci.machineSetup) {
    if (!matrix) continue;
    for (const v of matrix) {
      sBar += v;
      sCount++;
    }
  }
  sBar = sCount > 0 ? sBar / sCount : 0;
  const k1 = rule.k1 ?? 2;
  const k2 = rule.k2;
  const lead = rule.leadTimeFactor ?? 0.5;

  const next = new Int32Array(ci.nJobs);
  const skipFixed = (j: number) => {
    while (
      (next[j] as number) < (ci.jobStart[j + 1] as number) &&
      (ci.fixedMachine[next[j] as number] as number) >= 0
    ) {
      next[j] = (next[j] as number) + 1;
    }
  };
  for (let j = 0; j < ci.nJobs; j++) {
    next[j] = ci.jobStart[j] as number;
    skipFixed(j);
  }
  const est = new Float64Array(ci.nJobs);
  const ect = new Float64Array(ci.nJobs);
  const bestM = new Int32Array(ci.nJobs);
  const valid = new Uint8Array(ci.nJobs);
  let left = 0;
  for (let o = 0; o < n; o++) if ((ci.fixedMachine[o] as number) < 0) left++;

  while (left > 0) {
    let cStar = Number.POSITIVE_INFINITY;
    let any = false;
    for (let j = 0; j < ci.nJobs; j++) {
      const o = next[j] as number;
      if (o >= (ci.jobStart[j + 1] as number)) continue;
      const p = ci.opPrev[o] as number;
      if (p >= 0 && !decoder.isDone(p)) continue;
      any = true;
      if (!valid[j]) {
        let bs = 0;
        let be = Number.POSITIVE_INFINITY;
        let bm = -1;
        for (let a = ci.altStart[o] as number; a < (ci.altStart[o + 1] as number); a++) {
          const m = ci.altMachine[a] as number;
          const s = decoder.startIfAppended(o, m);
          const e = s + (ci.altDuration[a] as number);
          if (e < be || (e === be && s < bs)) {
            be = e;
            bs = s;
            bm = m;
          }
        }
        est[j] = bs;
        ect[j] = be;
        bestM[j] = bm;
        valid[j] = 1;
      }
      if ((ect[j] as number) < cStar) cStar = ect[j] as number;
    }
    if (!any) {
      if (!decoder.closeFirstOpenRun()) throw new Error('dispatch: no operation can be scheduled');
      valid.fill(0);
      continue;
    }
    let pick = -1;
    let pickScore = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < ci.nJobs; j++) {
      const o = next[j] as number;
      if (o >= (ci.jobStart[j + 1] as number) || !valid[j]) continue;
      const p = ci.opPrev[o] as number;
      if (p >= 0 && !decoder.isDone(p)) continue;
      if ((est[j] as number) >= cStar && !(est[j] === cStar && ect[j] === cStar)) continue;
      let score: number;
      switch (rule.rule) {
        case 'EDD':
          score =
            -((ci.jobDue[j] as number) - (rule.bias ? (rule.bias[j] as number) * 1440 : 0)) * 1e3 -
            (est[j] as number) * 1e-6;
          if (!Number.isFinite(score)) score = -1e300 - (est[j] as number);
          break;
        case 'ECT':
          score = -(ect[j] as number);
          break;
        case 'MWKR':
          score = (remaining[o] as number) - (ect[j] as number) * 1e-9;
          break;
        default: {
          const m = bestM[j] as number;
          const pj = durationOf(ci, o, m);
          const due = ci.jobDue[j] as number;
          const t = est[j] as number;
          const slack = Number.isFinite(due)
            ? Math.max(0, due - t - (remaining[o] as number) * (1 + lead))
            : 1e12;
          let log = Math.log(((ci.jobWeight[j] as number) + 1e-9) / pj) - slack / (k1 * pBar);
          if (k2 !== undefined && sBar > 0) log -= decoder.setupIfAppended(o, m) / (k2 * sBar);
          score = rule.bias ? log + (rule.bias[j] as number) : log;
        }
      }
      if (score > pickScore) {
        pickScore = score;
        pick = j;
      }
    }
    const o = next[pick] as number;
    const m = bestM[pick] as number;
    assign[o] = m;
    decoder.append(o, m);
    (sequences[m] as number[]).push(o);
    left--;
    next[pick] = o + 1;
    skipFixed(pick);
    // candidates on machine m (and the picked job) must be re-evaluated
    valid[pick] = 0;
    for (let j = 0; j < ci.nJobs; j++) {
      if (!valid[j]) continue;
      const oj = next[j] as number;
      for (let a = ci.altStart[oj] as number; a < (ci.altStart[oj + 1] as number); a++) {
        if (ci.altMachine[a] === m) {
          valid[j] = 0;
          break;
        }
      }
    }
  }
  decoder.finish();
  return { assign, sequences };
}
