import type { CompiledInstance } from './compile-instance.ts';
import type { Prng } from './prng.ts';

/**
 * Makespan tabu search for the plain flexible job shop (the fast path: no setups, calendars, batches
 * or fixed operations; release dates are allowed). It works on the disjunctive graph: a solution is a
 * machine per operation plus an order per machine; start times are the heads (longest path from the
 * source), so every solution is a semi-active schedule.
 *
 * Neighbourhood (Mastrolilli & Gambardella 2000): take an operation v on a critical path, remove it
 * (graph G⁻, heads r′ and tails q′ recomputed along the topological order), and re-insert it on any
 * eligible machine k at any position that provably keeps the graph acyclic. With u, w the neighbours at
 * the insertion point, the longest path through v is
 *     L = max(r′(PJ)+p(PJ), r′(u)+p(u)) + p_k(v) + max(p(SJ)+q′(SJ), p(w)+q′(w))
 * and the new makespan is exactly max(Cmax(G⁻), L), so every candidate is evaluated in O(1) after an
 * O(n) pass per critical operation. Moves within the same machine are the N5/N7-style re-sequencings;
 * moves to another machine are the re-assignments. Each iteration draws one critical path (random
 * among ties) and scans the moves of its operations: measured on Brandimarte this beats scanning every
 * critical operation (which turns plateaus into a random walk).
 *
 * Tabu attribute (Nowicki–Smutnicki style, on precedences): moving v across operations x forbids
 * restoring "x before v" (or "v before x") for a random tenure, and leaving machine m forbids v to go
 * back to m; a tabu move is allowed when it beats the best makespan of the current run (aspiration).
 * Ties are broken by the seeded generator. After a stall the search restarts from one of the best
 * solutions found with a few random critical moves and a tenure scale redrawn from `tenureScales`
 * (instances differ in the tenure they like; varying it per restart was more robust on Brandimarte).
 */
export interface FjspState {
  /** Machine per operation. */
  assign: Int32Array;
  /** Operation order per machine. */
  sequences: Int32Array[];
}

export interface FjspSearchOptions {
  rng: Prng;
  /** Clock in ms (injected so the search stays pure); with `deadline`. */
  now: () => number;
  deadline: number;
  maxIterations?: number;
  /** Starting solutions (the best is used); otherwise built by randomised greedy construction. */
  initial?: readonly FjspState[];
  /** Stop as soon as this makespan (e.g. a known lower bound) is reached. */
  targetMakespan?: number;
  onImprove?: (makespan: number, iteration: number) => void;
  /** Tabu tenure range [min, max] (default [2 + n/2m, 2 + 1.5 n/m]). */
  tenure?: [number, number];
  /** Each restart multiplies the tenure by one of these, drawn at random (default [1, 0.4, 0.7, 1.5]). */
  tenureScales?: number[];
  /** Iterations without improving the run's best before a restart (default 4000 + 20 n). */
  stallIterations?: number;
  /** Random critical moves applied at a restart: [min, max] (default [2, 5]). */
  kick?: [number, number];
  /** Elite solutions kept (default 8) and how many of the best a restart draws from (default 4). */
  eliteSize?: number;
  elitePick?: number;
}

export interface FjspSearchResult extends FjspState {
  start: Float64Array;
  end: Float64Array;
  makespan: number;
  iterations: number;
  restarts: number;
}

/** True when the instance can use this fast path. */
export function isPlainFjsp(ci: CompiledInstance): boolean {
  return !ci.hasSetups && !ci.hasDowntimes && !ci.hasBatches && !ci.hasFixed;
}

export function fjspTabuSearch(ci: CompiledInstance, options: FjspSearchOptions): FjspSearchResult {
  const engine = new FjspEngine(ci, options.rng);
  return engine.run(options);
}

class FjspEngine {
  readonly n: number;
  readonly m: number;
  readonly jp: Int32Array;
  readonly js: Int32Array;
  readonly rel: Float64Array;
  readonly lastOps: Int32Array;
  // current solution
  readonly mach: Int32Array;
  readonly dur: Float64Array;
  readonly seqBuf: Int32Array;
  readonly seqLen: Int32Array;
  readonly pos: Int32Array;
  readonly mp: Int32Array;
  readonly ms: Int32Array;
  // graph data
  readonly topo: Int32Array;
  readonly topoPos: Int32Array;
  readonly indeg: Int32Array;
  readonly r: Float64Array;
  readonly q: Float64Array;
  readonly r2: Float64Array;
  readonly q2: Float64Array;
  readonly crit: Int32Array;
  nCrit = 0;
  cmax = 0;
  // tabu: pairTabu[a*n+b] > iter forbids "a before b" on a machine; machTabu[v*m+k] forbids v on k
  readonly pairTabu: Int32Array;
  readonly pairMask: number;
  pairKey(a: number, b: number): number {
    return this.pairMask < 0
      ? a * this.n + b
      : (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & this.pairMask;
  }
  readonly machTabu: Int32Array;

  constructor(
    readonly ci: CompiledInstance,
    readonly rng: Prng,
  ) {
    const n = ci.nOps;
    const m = ci.nMachines;
    this.n = n;
    this.m = m;
    this.jp = ci.opPrev;
    this.js = ci.opNext;
    this.rel = new Float64Array(n);
    for (let j = 0; j < ci.nJobs; j++) this.rel[ci.jobStart[j] as number] = ci.jobRelease[j] as number;
    this.lastOps = new Int32Array(ci.nJobs);
    for (let j = 0; j < ci.nJobs; j++) this.lastOps[j] = (ci.jobStart[j + 1] as number) - 1;
    this.mach = new Int32Array(n);
    this.dur = new Float64Array(n);
    this.seqBuf = new Int32Array(m * n);
    this.seqLen = new Int32Array(m);
    this.pos = new Int32Array(n);
    this.mp = new Int32Array(n);
    this.ms = new Int32Array(n);
    this.topo = new Int32Array(n);
    this.topoPos = new Int32Array(n);
    this.indeg = new Int32Array(n);
    this.r = new Float64Array(n);
    this.q = new Float64Array(n);
    this.r2 = new Float64Array(n);
    this.q2 = new Float64Array(n);
    this.crit = new Int32Array(n);
    // n² entries up to 4M; beyond that a hashed table (a collision only makes a move look tabu)
    const size = n * n <= 1 << 22 ? n * n : 1 << 22;
    this.pairMask = n * n <= 1 << 22 ? -1 : size - 1;
    this.pairTabu = new Int32Array(size);
    this.machTabu = new Int32Array(n * m);
  }

  durationOn(o: number, k: number): number {
    const ci = this.ci;
    const end = ci.altStart[o + 1] as number;
    for (let a = ci.altStart[o] as number; a < end; a++)
      if (ci.altMachine[a] === k) return ci.altDuration[a] as number;
    return Number.NaN;
  }

  load(state: FjspState): void {
    const { n, m } = this;
    this.mach.set(state.assign);
    for (let o = 0; o < n; o++) this.dur[o] = this.durationOn(o, this.mach[o] as number);
    for (let k = 0; k < m; k++) {
      const s = state.sequences[k] as Int32Array;
      this.seqBuf.set(s, k * n);
      this.seqLen[k] = s.length;
      this.relink(k);
    }
  }

  save(): FjspState {
    const sequences: Int32Array[] = [];
    for (let k = 0; k < this.m; k++)
      sequences.push(this.seqBuf.slice(k * this.n, k * this.n + (this.seqLen[k] as number)));
    return { assign: this.mach.slice(), sequences };
  }

  relink(k: number): void {
    const base = k * this.n;
    const len = this.seqLen[k] as number;
    let prev = -1;
    for (let i = 0; i < len; i++) {
      const o = this.seqBuf[base + i] as number;
      this.pos[o] = i;
      this.mp[o] = prev;
      if (prev >= 0) this.ms[prev] = o;
      prev = o;
    }
    if (prev >= 0) this.ms[prev] = -1;
  }

  /** Topological order, heads, tails, makespan and critical operations. False if the graph has a cycle. */
  evaluate(): boolean {
    const { n, jp, js, mp, ms, dur, r, q, topo, indeg } = this;
    let head = 0;
    let tail = 0;
    for (let o = 0; o < n; o++) {
      const d = ((jp[o] as number) >= 0 ? 1 : 0) + ((mp[o] as number) >= 0 ? 1 : 0);
      indeg[o] = d;
      if (d === 0) topo[tail++] = o;
    }
    while (head < tail) {
      const o = topo[head++] as number;
      const a = js[o] as number;
      if (a >= 0) {
        indeg[a] = (indeg[a] as number) - 1;
        if (indeg[a] === 0) topo[tail++] = a;
      }
      const b = ms[o] as number;
      if (b >= 0) {
        indeg[b] = (indeg[b] as number) - 1;
        if (indeg[b] === 0) topo[tail++] = b;
      }
    }
    if (tail < n) return false;
    for (let i = 0; i < n; i++) {
      const o = topo[i] as number;
      this.topoPos[o] = i;
      const a = jp[o] as number;
      const b = mp[o] as number;
      let h = a >= 0 ? (r[a] as number) + (dur[a] as number) : (this.rel[o] as number);
      if (b >= 0) {
        const hb = (r[b] as number) + (dur[b] as number);
        if (hb > h) h = hb;
      }
      r[o] = h;
    }
    let cmax = 0;
    for (let i = n - 1; i >= 0; i--) {
      const o = topo[i] as number;
      const a = js[o] as number;
      const b = ms[o] as number;
      let t = a >= 0 ? (dur[a] as number) + (q[a] as number) : 0;
      if (b >= 0) {
        const tb = (dur[b] as number) + (q[b] as number);
        if (tb > t) t = tb;
      }
      q[o] = t;
      const c = (r[o] as number) + (dur[o] as number) + t;
      if (c > cmax) cmax = c;
    }
    this.cmax = cmax;
    let nc = 0;
    {
      // one critical path: from a random critical source, follow successors that stay critical
      let cands = 0;
      let o = -1;
      for (let x = 0; x < n; x++) {
        if (
          (r[x] as number) === 0 &&
          (dur[x] as number) + (q[x] as number) === cmax &&
          this.rng.int(++cands) === 0
        )
          o = x;
      }
      while (o >= 0) {
        this.crit[nc++] = o;
        const a = js[o] as number;
        const b = ms[o] as number;
        const endO = (r[o] as number) + (dur[o] as number);
        const aOk =
          a >= 0 &&
          (r[a] as number) === endO &&
          (r[a] as number) + (dur[a] as number) + (q[a] as number) === cmax;
        const bOk =
          b >= 0 &&
          (r[b] as number) === endO &&
          (r[b] as number) + (dur[b] as number) + (q[b] as number) === cmax;
        o = aOk && bOk ? (this.rng.int(2) === 0 ? a : b) : aOk ? a : bOk ? b : -1;
      }
    }
    this.nCrit = nc;
    return true;
  }

  // --- move search -------------------------------------------------------------------------------

  bestV = -1;
  bestK = -1;
  bestI = -1;
  bestC = 0;

  /**
   * Scan the neighbourhood; returns false when no move exists. `iter` is the current iteration (for the
   * tabu test), `aspiration` the makespan a tabu move must beat.
   */
  findMove(iter: number, aspiration: number): boolean {
    const { n, ci, jp, js, mp, ms, dur, r, q, r2, q2, topo, topoPos, seqBuf, seqLen, rng } = this;
    let bestC = Number.POSITIVE_INFINITY;
    let ties = 0;
    let tabuBestC = Number.POSITIVE_INFINITY;
    let tabuTies = 0;
    let tV = -1;
    let tK = -1;
    let tI = -1;
    this.bestV = -1;
    for (let c = 0; c < this.nCrit; c++) {
      const v = this.crit[c] as number;
      const tp = topoPos[v] as number;
      const vjp = jp[v] as number;
      const vjs = js[v] as number;
      const vmp = mp[v] as number;
      const vms = ms[v] as number;
      // heads in G⁻ for nodes after v, tails for nodes before v
      r2.set(r);
      for (let i = tp + 1; i < n; i++) {
        const o = topo[i] as number;
        let a = jp[o] as number;
        if (a === v) a = vjp;
        let b = mp[o] as number;
        if (b === v) b = vmp;
        let h = a >= 0 ? (r2[a] as number) + (dur[a] as number) : (this.rel[o] as number);
        if (a < 0 && o === vjs) h = this.rel[v] as number;
        if (b >= 0) {
          const hb = (r2[b] as number) + (dur[b] as number);
          if (hb > h) h = hb;
        }
        r2[o] = h;
      }
      q2.set(q);
      for (let i = tp - 1; i >= 0; i--) {
        const o = topo[i] as number;
        let a = js[o] as number;
        if (a === v) a = vjs;
        let b = ms[o] as number;
        if (b === v) b = vms;
        let t = a >= 0 ? (dur[a] as number) + (q2[a] as number) : 0;
        if (b >= 0) {
          const tb = (dur[b] as number) + (q2[b] as number);
          if (tb > t) t = tb;
        }
        q2[o] = t;
      }
      // makespan of G⁻ (paths avoiding v)
      let cMinus = 0;
      for (let j = 0; j < this.lastOps.length; j++) {
        let l = this.lastOps[j] as number;
        if (l === v) l = vjp;
        if (l < 0) continue;
        const e = (r2[l] as number) + (dur[l] as number);
        if (e > cMinus) cMinus = e;
      }
      const rJ = vjp >= 0 ? (r2[vjp] as number) + (dur[vjp] as number) : (this.rel[v] as number);
      const qJ = vjs >= 0 ? (dur[vjs] as number) + (q2[vjs] as number) : 0;
      const rS = vjs >= 0 ? (r2[vjs] as number) + (dur[vjs] as number) : Number.POSITIVE_INFINITY;
      const qP = vjp >= 0 ? (q2[vjp] as number) + (dur[vjp] as number) : Number.POSITIVE_INFINITY;
      const m0 = this.mach[v] as number;
      const oldPos = this.pos[v] as number;
      const aEnd = ci.altStart[v + 1] as number;
      for (let a = ci.altStart[v] as number; a < aEnd; a++) {
        const k = ci.altMachine[a] as number;
        const pk = ci.altDuration[a] as number;
        const base = k * n;
        const len = seqLen[k] as number;
        // Q = sequence of k without v; index mapping skips v when k === m0
        const same = k === m0;
        const qLen = same ? len - 1 : len;
        // iU: leading ops with r2 < rS; iW: leading ops with q2 >= qP
        // (a job neighbour of v on k itself is excluded: it is reachable by definition)
        let iU = -1;
        let iW = 0;
        for (let i = 0; i < qLen; i++) {
          const o = seqBuf[base + (same && i >= oldPos ? i + 1 : i)] as number;
          if (iU < 0 && ((r2[o] as number) >= rS || o === vjs)) iU = i;
          if ((q2[o] as number) >= qP || o === vjp) iW = i + 1;
        }
        if (iU < 0) iU = qLen;
        if (iW > iU) continue; // cannot happen on an acyclic graph; defensive
        const machTabu = !same && (this.machTabu[v * this.m + k] as number) > iter;
        let pairCount = 0;
        for (let i = 0; i < qLen; i++) {
          const x = seqBuf[base + (same && i >= oldPos ? i + 1 : i)] as number;
          if (i < iW) {
            if ((this.pairTabu[this.pairKey(x, v)] as number) > iter) pairCount++;
          } else if ((this.pairTabu[this.pairKey(v, x)] as number) > iter) pairCount++;
        }
        for (let i = iW; i <= iU; i++) {
          if (i > iW) {
            const x = seqBuf[base + (same && i - 1 >= oldPos ? i : i - 1)] as number;
            if ((this.pairTabu[this.pairKey(v, x)] as number) > iter) pairCount--;
            if ((this.pairTabu[this.pairKey(x, v)] as number) > iter) pairCount++;
          }
          if (same && i === oldPos) continue;
          const u = i > 0 ? (seqBuf[base + (same && i - 1 >= oldPos ? i : i - 1)] as number) : -1;
          const w = i < qLen ? (seqBuf[base + (same && i >= oldPos ? i + 1 : i)] as number) : -1;
          let head = rJ;
          if (u >= 0) {
            const hu = (r2[u] as number) + (dur[u] as number);
            if (hu > head) head = hu;
          }
          let tail = qJ;
          if (w >= 0) {
            const tw = (dur[w] as number) + (q2[w] as number);
            if (tw > tail) tail = tw;
          }
          const L = head + pk + tail;
          const newC = L > cMinus ? L : cMinus;
          const isTabu = machTabu || pairCount > 0;
          if (isTabu && newC >= aspiration) {
            if (newC < tabuBestC) {
              tabuBestC = newC;
              tabuTies = 1;
              tV = v;
              tK = k;
              tI = i;
            } else if (newC === tabuBestC && rng.int(++tabuTies) === 0) {
              tV = v;
              tK = k;
              tI = i;
            }
            continue;
          }
          if (newC < bestC) {
            bestC = newC;
            ties = 1;
            this.bestV = v;
            this.bestK = k;
            this.bestI = i;
          } else if (newC === bestC && rng.int(++ties) === 0) {
            this.bestV = v;
            this.bestK = k;
            this.bestI = i;
          }
        }
      }
    }
    if (this.bestV < 0) {
      if (tV < 0) return false;
      this.bestV = tV;
      this.bestK = tK;
      this.bestI = tI;
      bestC = tabuBestC;
    }
    this.bestC = bestC;
    return true;
  }

  /** Move v to machine k at position i of k's sequence without v. Returns the broken arcs' endpoints. */
  applyMove(v: number, k: number, i: number, iter: number, tenure: number): void {
    const { n, seqBuf, seqLen } = this;
    const m0 = this.mach[v] as number;
    // remove from m0
    const base0 = m0 * n;
    const len0 = seqLen[m0] as number;
    const p0 = this.pos[v] as number;
    if (k !== m0) this.machTabu[v * this.m + m0] = iter + tenure;
    else if (i < p0) {
      for (let x = i; x < p0; x++)
        this.pairTabu[this.pairKey(seqBuf[base0 + x] as number, v)] = iter + tenure;
    } else {
      for (let x = p0 + 1; x <= i; x++)
        this.pairTabu[this.pairKey(v, seqBuf[base0 + x] as number)] = iter + tenure;
    }
    seqBuf.copyWithin(base0 + p0, base0 + p0 + 1, base0 + len0);
    seqLen[m0] = len0 - 1;
    // insert into k at i
    const base = k * n;
    const len = seqLen[k] as number;
    seqBuf.copyWithin(base + i + 1, base + i, base + len);
    seqBuf[base + i] = v;
    seqLen[k] = len + 1;
    this.mach[v] = k;
    this.dur[v] = this.durationOn(v, k);
    this.relink(m0);
    if (k !== m0) this.relink(k);
  }

  /** Randomised greedy construction: jobs' next operations by a random-weighted MWKR rule, each to the
   * machine where it completes first. */
  construct(): FjspState {
    const { ci, n, m, rng } = this;
    const machFree = new Float64Array(m);
    const jobReady = new Float64Array(ci.nJobs);
    const nextOp = new Int32Array(ci.nJobs);
    const work = new Float64Array(ci.nJobs);
    const minDur = new Float64Array(n);
    for (let o = 0; o < n; o++) {
      let best = Number.POSITIVE_INFINITY;
      for (let a = ci.altStart[o] as number; a < (ci.altStart[o + 1] as number); a++) {
        best = Math.min(best, ci.altDuration[a] as number);
      }
      minDur[o] = best;
    }
    for (let j = 0; j < ci.nJobs; j++) {
      nextOp[j] = ci.jobStart[j] as number;
      jobReady[j] = ci.jobRelease[j] as number;
      for (let o = ci.jobStart[j] as number; o < (ci.jobStart[j + 1] as number); o++)
        work[j] = (work[j] as number) + (minDur[o] as number);
    }
    const assign = new Int32Array(n);
    const lists: number[][] = Array.from({ length: m }, () => []);
    const noise = rng.next();
    for (let step = 0; step < n; step++) {
      let bestJ = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      let bestM = -1;
      for (let j = 0; j < ci.nJobs; j++) {
        const o = nextOp[j] as number;
        if (o >= (ci.jobStart[j + 1] as number)) continue;
        let bm = -1;
        let bEnd = Number.POSITIVE_INFINITY;
        let bStart = 0;
        for (let a = ci.altStart[o] as number; a < (ci.altStart[o + 1] as number); a++) {
          const k = ci.altMachine[a] as number;
          const s = Math.max(machFree[k] as number, jobReady[j] as number);
          const e = s + (ci.altDuration[a] as number) * (1 + noise * 0.3 * (rng.next() - 0.5));
          if (e < bEnd) {
            bEnd = e;
            bm = k;
            bStart = s;
          }
        }
        // prefer early start, then most work remaining (randomised)
        const score = -bStart * 4 + (work[j] as number) * (0.5 + rng.next());
        if (score > bestScore) {
          bestScore = score;
          bestJ = j;
          bestM = bm;
        }
      }
      const o = nextOp[bestJ] as number;
      const d = this.durationOn(o, bestM);
      const s = Math.max(machFree[bestM] as number, jobReady[bestJ] as number);
      machFree[bestM] = s + d;
      jobReady[bestJ] = s + d;
      work[bestJ] = (work[bestJ] as number) - (minDur[o] as number);
      nextOp[bestJ] = o + 1;
      assign[o] = bestM;
      (lists[bestM] as number[]).push(o);
    }
    return { assign, sequences: lists.map((l) => Int32Array.from(l)) };
  }

  /** Random moves of critical operations (kick for the iterated search). */
  perturb(strength: number): void {
    for (let s = 0; s < strength; s++) {
      this.evaluate();
      const v = this.crit[this.rng.int(this.nCrit)] as number;
      // random eligible machine, random position that keeps the graph acyclic: try, undo on a cycle
      const ci = this.ci;
      const a0 = ci.altStart[v] as number;
      const na = (ci.altStart[v + 1] as number) - a0;
      const k = ci.altMachine[a0 + this.rng.int(na)] as number;
      const before = this.save();
      const len = (this.seqLen[k] as number) - (k === this.mach[v] ? 1 : 0);
      const i = this.rng.int(len + 1);
      this.applyMove(v, k, i, 0, 0);
      if (!this.evaluate()) this.load(before);
    }
    this.evaluate();
  }

  run(options: FjspSearchOptions): FjspSearchResult {
    const { rng } = this;
    const starts = options.initial && options.initial.length > 0 ? [...options.initial] : [];
    if (starts.length === 0) for (let i = 0; i < 20; i++) starts.push(this.construct());
    let best: FjspState | null = null;
    let bestC = Number.POSITIVE_INFINITY;
    for (const s of starts) {
      this.load(s);
      if (!this.evaluate()) continue;
      if (this.cmax < bestC) {
        bestC = this.cmax;
        best = this.save();
      }
    }
    if (!best) {
      best = this.construct();
      this.load(best);
      this.evaluate();
      bestC = this.cmax;
    }
    const target = options.targetMakespan ?? Number.NEGATIVE_INFINITY;
    const maxIter = options.maxIterations ?? Number.POSITIVE_INFINITY;
    const elite: { state: FjspState; c: number }[] = [{ state: best, c: bestC }];
    this.load(best);
    this.evaluate();
    let iter = 1;
    let restarts = 0;
    let lastImprove = 0;
    let currentBest = bestC;
    let runBest: FjspState | null = best;
    const tenureMin = options.tenure?.[0] ?? 2 + Math.round(this.n / this.m / 2);
    const tenureSpan = options.tenure
      ? options.tenure[1] - options.tenure[0] + 1
      : Math.max(2, Math.round(this.n / this.m));
    const tenureScales = options.tenureScales ?? [1, 0.4, 0.7, 1.5];
    let tenureScale = tenureScales[0] as number;
    const stallLimit = options.stallIterations ?? 4000 + 20 * this.n;
    const kickMin = options.kick?.[0] ?? 2;
    const kickSpan = (options.kick?.[1] ?? 5) - kickMin + 1;
    const eliteSize = options.eliteSize ?? 8;
    const elitePick = options.elitePick ?? 4;
    while (iter <= maxIter && bestC > target) {
      if ((iter & 15) === 0 && options.now() >= options.deadline) break;
      if (!this.findMove(iter, currentBest)) break;
      const tenure = Math.max(1, Math.round((tenureMin + rng.int(tenureSpan)) * tenureScale));
      this.applyMove(this.bestV, this.bestK, this.bestI, iter, tenure);
      if (!this.evaluate()) throw new Error('fjsp tabu search: move created a cycle');
      if (this.cmax < currentBest) {
        currentBest = this.cmax;
        lastImprove = iter;
        runBest = this.save();
        if (this.cmax < bestC) {
          bestC = this.cmax;
          best = this.save();
          options.onImprove?.(bestC, iter);
        }
      }
      if (iter - lastImprove > stallLimit) {
        // keep a small elite set; restart from one of them with a kick
        elite.push({ state: runBest ?? best, c: currentBest });
        elite.sort((x, y) => x.c - y.c);
        if (elite.length > eliteSize) elite.length = eliteSize;
        const pick = elite[rng.int(Math.min(elite.length, elitePick))] as { state: FjspState; c: number };
        this.load(pick.state);
        this.perturb(kickMin + rng.int(kickSpan));
        tenureScale = tenureScales[rng.int(tenureScales.length)] as number;
        this.pairTabu.fill(0);
        this.machTabu.fill(0);
        currentBest = this.cmax;
        runBest = this.save();
        lastImprove = iter;
        restarts++;
      }
      iter++;
    }
    this.load(best);
    this.evaluate();
    const start = this.r.slice();
    const end = new Float64Array(this.n);
    for (let o = 0; o < this.n; o++) end[o] = (start[o] as number) + (this.dur[o] as number);
    return { ...this.save(), start, end, makespan: this.cmax, iterations: iter - 1, restarts };
  }
}
