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
  /** Clock value when the best solution was found (absent if the start was never improved). */
  bestAt?: number;
}

const TIE = 1e-7;

export function costOf(decoder: ScheduleDecoder): number {
  return decoder.value.total + TIE * decoder.sumCompletion;
}

export function cloneSolution(sol: SequenceSolution): SequenceSolution {
  const copy: SequenceSolution = {
    assign: sol.assign.slice(),
    sequences: sol.sequences.map((s) => s.slice()),
  };
  if (sol.batchWait) copy.batchWait = sol.batchWait.slice();
  return copy;
}

const WAIT_FACTORS = [0, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2];

export function improveSchedule(
  ci: CompiledInstance,
  decoder: ScheduleDecoder,
  initial: SequenceSolution,
  options: ImproveOptions,
): ImproveResult {
  const { rng } = options;
  const n = ci.nOps;
  const cur = cloneSolution(initial);
  const batchList: number[] = [];
  for (let m = 0; m < ci.nMachines; m++) if ((ci.machineCapacity[m] as number) > 0) batchList.push(m);
  if (batchList.length > 0 && !cur.batchWait)
    cur.batchWait = new Float64Array(ci.nMachines).fill(decoder.batchWaitFactor);
  let waitUndoM = -1;
  let waitUndoV = 0;
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
  const batchMachines = ci.hasBatches;
  const jobCompletion = (j: number) => end[(ci.jobStart[j + 1] as number) - 1] as number;

  // --- move application with undo --------------------------------------------------------------
  // applied moves of the current proposal (a compound move may hold several): op, from/to machine+index
  const stack: number[] = [];
  const touched = new Uint8Array(ci.nMachines);
  const applyMove = (o: number, k: number, i: number): boolean => {
    const m0 = cur.assign[o] as number;
    const from = cur.sequences[m0] as number[];
    const p0 = stack.length > 0 ? from.indexOf(o) : (pos[o] as number);
    from.splice(p0, 1);
    const to = cur.sequences[k] as number[];
    const idx = Math.max(0, Math.min(i, to.length));
    if (k === m0 && idx === p0) {
      from.splice(p0, 0, o);
      return false;
    }
    to.splice(idx, 0, o);
    cur.assign[o] = k;
    stack.push(o, m0, p0, k, idx);
    touched[m0] = 1;
    touched[k] = 1;
    return true;
  };
  const undoMoves = () => {
    if (waitUndoM >= 0 && cur.batchWait) cur.batchWait[waitUndoM] = waitUndoV;
    waitUndoM = -1;
    while (stack.length > 0) {
      const idx = stack.pop() as number;
      const k = stack.pop() as number;
      const p0 = stack.pop() as number;
      const m0 = stack.pop() as number;
      const o = stack.pop() as number;
      (cur.sequences[k] as number[]).splice(idx, 1);
      (cur.sequences[m0] as number[]).splice(p0, 0, o);
      cur.assign[o] = m0;
    }
    touched.fill(0);
  };
  const commitMoves = () => {
    waitUndoM = -1;
    for (let m = 0; m < ci.nMachines; m++) if (touched[m]) reindex(m);
    touched.fill(0);
    stack.length = 0;
  };
  /** Advance (dir < 0) or delay (dir > 0) every movable op of job j by a few places on its machine,
   * passing the ops whose jobs have the most (advance) or least (delay) slack. */
  const shiftJob = (j: number, dir: number): boolean => {
    let moved = false;
    for (let o = ci.jobStart[j] as number; o < (ci.jobStart[j + 1] as number); o++) {
      if ((ci.fixedMachine[o] as number) >= 0) continue;
      const m = cur.assign[o] as number;
      const seq = cur.sequences[m] as number[];
      const p = seq.indexOf(o);
      const reach = 1 + rng.int(6);
      let bestI = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      const lo = dir < 0 ? Math.max(0, p - reach) : p + 1;
      const hi = dir < 0 ? p - 1 : Math.min(seq.length - 1, p + reach);
      for (let i = lo; i <= hi; i++) {
        const jy = ci.opJob[seq[i] as number] as number;
        const slack = (ci.jobDue[jy] as number) - jobCompletion(jy);
        const score = (dir < 0 ? slack : -slack) + rng.next();
        if (score > bestScore) {
          bestScore = score;
          bestI = i;
        }
      }
      if (bestI >= 0 && applyMove(o, m, bestI)) moved = true;
    }
    return moved;
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
    if (batchList.length > 0 && cur.batchWait && rng.next() < 0.03) {
      // how long batch runs wait for more members, per batch machine
      const m = batchList[rng.int(batchList.length)] as number;
      const v = WAIT_FACTORS[rng.int(WAIT_FACTORS.length)] as number;
      if (v === cur.batchWait[m]) return false;
      waitUndoM = m;
      waitUndoV = cur.batchWait[m] as number;
      cur.batchWait[m] = v;
      return true;
    }
    if (r < 0.2) {
      const j = pickTargetJob();
      if (j >= 0) {
        if (rng.next() < 0.6) return shiftJob(j, -1);
        // delay a job with slack that blocks the target's chain
        traceChain(j);
        if (chainBlocker.length > 0) {
          const x = chainBlocker[rng.int(chainBlocker.length)] as number;
          const jx = ci.opJob[x] as number;
          if (jx !== j) return shiftJob(jx, 1);
        }
      }
    }
    if (r < 0.75) {
      const j = pickTargetJob();
      if (j >= 0) {
        traceChain(j);
        if (chainWaiting.length > 0) {
          const c = rng.int(chainWaiting.length);
          const o = chainWaiting[c] as number;
          const x = chainBlocker[c] as number;
          const kind = rng.next();
          if (kind < 0.2) {
            // move o before its blocker (or a little further forward)
            const m = cur.assign[o] as number;
            const target = Math.max(0, (pos[x] as number) - rng.int(3));
            return applyMove(o, m, target);
          }
          if (kind < 0.4) {
            // jump o ahead of the op with the most slack among the few before it on its machine
            const m = cur.assign[o] as number;
            const seq = cur.sequences[m] as number[];
            const p = pos[o] as number;
            let bestI = -1;
            let bestSlack = Number.NEGATIVE_INFINITY;
            for (let i = Math.max(0, p - 12); i < p; i++) {
              const y = seq[i] as number;
              const jy = ci.opJob[y] as number;
              const slack = (ci.jobDue[jy] as number) - jobCompletion(jy) + rng.next() * 60;
              if (slack > bestSlack) {
                bestSlack = slack;
                bestI = i;
              }
            }
            if (bestI >= 0) return applyMove(o, m, bestI);
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
    const o = movable[rng.int(movable.length)] as number;
    if (batchMachines && rng.next() < 0.3 && (ci.opRecipe[o] as number) >= 0) {
      // batching move: put o right after an op of the same recipe on an eligible batch machine
      const a0 = ci.altStart[o] as number;
      const k = ci.altMachine[a0 + rng.int((ci.altStart[o + 1] as number) - a0)] as number;
      if ((ci.machineCapacity[k] as number) > 0) {
        const seq = cur.sequences[k] as number[];
        const base = indexAtTime(k, start[o] as number);
        for (let t = 0; t < 8; t++) {
          const i = base + rng.int(17) - 8;
          const y = seq[i];
          if (y !== undefined && y !== o && ci.opRecipe[y] === ci.opRecipe[o]) return applyMove(o, k, i + 1);
        }
      }
    }
    // random re-insertion near the current time (same or another eligible machine)
    const na = (ci.altStart[o + 1] as number) - (ci.altStart[o] as number);
    const k = ci.altMachine[(ci.altStart[o] as number) + rng.int(na)] as number;
    const base = indexAtTime(k, start[o] as number);
    const spread = 1 + rng.int(6);
    return applyMove(o, k, base + rng.int(2 * spread + 1) - spread);
  };

  const maxIter = options.maxIterations ?? Number.POSITIVE_INFINITY;
  let iter = 0;
  let accepted = 0;
  let bestAt: number | undefined;
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
      commitMoves();
      if (cost < bestCost) {
        bestCost = cost;
        bestAt = options.now();
        best = cloneSolution(cur);
      }
    } else {
      undoMoves();
    }
    hist[slot] = curCost;
  }
  return { best, bestCost, iterations: iter, accepted, ...(bestAt !== undefined ? { bestAt } : {}) };
}
