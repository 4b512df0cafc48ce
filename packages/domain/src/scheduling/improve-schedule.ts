import type { CompiledInstance } from './compile-instance.ts';
import type { ScheduleDecoder, SequenceSolution } from './decode-schedule.ts';
import type { Prng } from './prng.ts';

/**
 * Local search for the general model (setups, calendars, batches, release dates, fixed operations, the
 * weighted objective). Every candidate is timed by the full decoder, so whatever the search accepts is
 * a schedule the decoder can build.
 *
 * Moves are guided by the objective: for tardiness a late job is drawn with probability ∝ w·T, for
 * makespan the job that ends last; its chain is traced backwards (which operation waited for which
 * machine) and one waiting operation is moved before its blocker, re-assigned to an alternative machine
 * near the same time, or the blocker is moved behind it. A share of random re-insertions keeps the
 * search moving. Acceptance: late acceptance hill climbing (Burke & Bykov), which needs no temperature.
 */
export interface ImproveOptions {
  rng: Prng;
  now: () => number;
  deadline: number;
  maxIterations?: number;
  /** Late-acceptance history length. */
  historyLength?: number;
}

export interface ImproveResult {
  best: SequenceSolution;
  bestCost: number;
  iterations: number;
  accepted: number;
}

const TIE = 1e-7;

export function costOf(decoder: ScheduleDecoder): number {
  return decoder.value.total + TIE * decoder.sumCompletion;
}

export function cloneSolution(sol: SequenceSolution): SequenceSolution {
  return { assign: sol.assign.slice(), sequences: sol.sequences.map((s) => s.slice()) };
}

export function improveSchedule(
  ci: CompiledInstance,
  decoder: ScheduleDecoder,
  initial: SequenceSolution,
  options: ImproveOptions,
): ImproveResult {
  const { rng } = options;
  const n = ci.nOps;
  const cur = cloneSolution(initial);
  if (!decoder.decode(cur)) throw new Error('improveSchedule: the initial solution is not decodable');
  let curCost = costOf(decoder);
  let best = cloneSolution(cur);
  let bestCost = curCost;
  const hist = new Float64Array(options.historyLength ?? 200).fill(curCost);
  const pos = new Int32Array(n);
  const reindex = (m: number) => {
    const seq = cur.sequences[m] as number[];
    for (let i = 0; i < seq.length; i++) pos[seq[i] as number] = i;
  };
  for (let m = 0; m < ci.nMachines; m++) reindex(m);
  const start = Float64Array.from(decoder.start);
  const end = Float64Array.from(decoder.end);
  const setup = Float64Array.from(decoder.setup);
  const movable: number[] = [];
  for (let o = 0; o < n; o++) if ((ci.fixedMachine[o] as number) < 0) movable.push(o);
  if (movable.length === 0) return { best, bestCost, iterations: 0, accepted: 0 };
  const w = ci.objective;
  const jobCompletion = (j: number) => end[(ci.jobStart[j + 1] as number) - 1] as number;

  // --- move application with undo --------------------------------------------------------------
  let mvOp = -1;
  let mvFromM = -1;
  let mvFromI = -1;
  let mvToM = -1;
  let mvToI = -1;
  const applyMove = (o: number, k: number, i: number): boolean => {
    const m0 = cur.assign[o] as number;
    const from = cur.sequences[m0] as number[];
    const p0 = pos[o] as number;
    from.splice(p0, 1);
    const to = cur.sequences[k] as number[];
    const idx = Math.max(0, Math.min(i, to.length));
    if (k === m0 && idx === p0) {
      from.splice(p0, 0, o);
      return false;
    }
    to.splice(idx, 0, o);
    cur.assign[o] = k;
    mvOp = o;
    mvFromM = m0;
    mvFromI = p0;
    mvToM = k;
    mvToI = idx;
    return true;
  };
  const undoMove = () => {
    (cur.sequences[mvToM] as number[]).splice(mvToI, 1);
    (cur.sequences[mvFromM] as number[]).splice(mvFromI, 0, mvOp);
    cur.assign[mvOp] = mvFromM;
  };
  /** Index in machine k's sequence of the first op starting at or after t. */
  const indexAtTime = (k: number, t: number): number => {
    const seq = cur.sequences[k] as number[];
    let lo = 0;
    let hi = seq.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((start[seq[mid] as number] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // --- chain tracing -------------------------------------------------------------------------------
  const chainWaiting: number[] = []; // ops on the chain that waited for their machine
  const chainBlocker: number[] = [];
  const pickTargetJob = (): number => {
    const r = rng.next();
    if (w.weightedTardiness > 0 && (w.makespan === 0 || r < 0.8)) {
      let total = 0;
      for (let j = 0; j < ci.nJobs; j++) {
        const late = jobCompletion(j) - (ci.jobDue[j] as number);
        if (late > 0) total += (ci.jobWeight[j] as number) * late;
      }
      if (total > 0) {
        let x = rng.next() * total;
        for (let j = 0; j < ci.nJobs; j++) {
          const late = jobCompletion(j) - (ci.jobDue[j] as number);
          if (late > 0) {
            x -= (ci.jobWeight[j] as number) * late;
            if (x <= 0) return j;
          }
        }
      }
    }
    if (w.makespan > 0 || w.weightedTardiness > 0) {
      let bj = -1;
      let bc = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < ci.nJobs; j++) {
        const c = jobCompletion(j);
        if (c > bc || (c === bc && rng.int(2) === 0)) {
          bc = c;
          bj = j;
        }
      }
      if (w.makespan > 0) return bj;
    }
    return -1;
  };
  const traceChain = (j: number) => {
    chainWaiting.length = 0;
    chainBlocker.length = 0;
    let o = (ci.jobStart[j + 1] as number) - 1;
    for (let steps = 0; steps < 4 * n && o >= 0; steps++) {
      const s = start[o] as number;
      const p = ci.opPrev[o] as number;
      const ready = p >= 0 ? Math.max(end[p] as number, ci.jobRelease[ci.opJob[o] as number] as number) : 0;
      if ((ci.fixedMachine[o] as number) >= 0) {
        if (p < 0) break;
        o = p;
        continue;
      }
      const m = cur.assign[o] as number;
      const seq = cur.sequences[m] as number[];
      const i = pos[o] as number;
      const prevOnM = i > 0 ? (seq[i - 1] as number) : -1;
      if (s > ready + 1e-9 && prevOnM >= 0 && (end[prevOnM] as number) + (setup[o] as number) >= s - 1e-9) {
        if (start[prevOnM] !== s) {
          chainWaiting.push(o);
          chainBlocker.push(prevOnM);
        }
        o = prevOnM;
        continue;
      }
      if (p < 0) break;
      o = p;
    }
  };

  const proposeMove = (): boolean => {
    const r = rng.next();
    if (r < 0.75) {
      const j = pickTargetJob();
      if (j >= 0) {
        traceChain(j);
        if (chainWaiting.length > 0) {
          const c = rng.int(chainWaiting.length);
          const o = chainWaiting[c] as number;
          const x = chainBlocker[c] as number;
          const kind = rng.next();
          if (kind < 0.4) {
            // move o before its blocker (or a little further forward)
            const m = cur.assign[o] as number;
            const target = Math.max(0, (pos[x] as number) - rng.int(3));
            return applyMove(o, m, target);
          }
          if (kind < 0.7) {
            // re-assign o to another eligible machine near its ready time
            const na = (ci.altStart[o + 1] as number) - (ci.altStart[o] as number);
            if (na > 1) {
              const k = ci.altMachine[(ci.altStart[o] as number) + rng.int(na)] as number;
              if (k !== cur.assign[o]) {
                const p = ci.opPrev[o] as number;
                const t = p >= 0 ? (end[p] as number) : 0;
                return applyMove(o, k, indexAtTime(k, t) + rng.int(3) - 1);
              }
            }
          }
          // move the blocker behind o
          const m = cur.assign[x] as number;
          return applyMove(x, m, (pos[o] as number) + rng.int(2));
        }
      }
    }
    // random re-insertion near the current time (same or another eligible machine)
    const o = movable[rng.int(movable.length)] as number;
    const na = (ci.altStart[o + 1] as number) - (ci.altStart[o] as number);
    const k = ci.altMachine[(ci.altStart[o] as number) + rng.int(na)] as number;
    const base = indexAtTime(k, start[o] as number);
    const spread = 1 + rng.int(6);
    return applyMove(o, k, base + rng.int(2 * spread + 1) - spread);
  };

  const maxIter = options.maxIterations ?? Number.POSITIVE_INFINITY;
  let iter = 0;
  let accepted = 0;
  const L = hist.length;
  while (iter < maxIter) {
    if ((iter & 7) === 0 && options.now() >= options.deadline) break;
    iter++;
    if (!proposeMove()) continue;
    const ok = decoder.decode(cur);
    const cost = ok ? costOf(decoder) : Number.POSITIVE_INFINITY;
    const slot = iter % L;
    if (ok && (cost <= curCost || cost <= (hist[slot] as number))) {
      curCost = cost;
      accepted++;
      start.set(decoder.start);
      end.set(decoder.end);
      setup.set(decoder.setup);
      reindex(mvFromM);
      if (mvToM !== mvFromM) reindex(mvToM);
      if (cost < bestCost) {
        bestCost = cost;
        best = cloneSolution(cur);
      }
    } else {
      undoMove();
    }
    hist[slot] = curCost;
  }
  return { best, bestCost, iterations: iter, accepted };
}
