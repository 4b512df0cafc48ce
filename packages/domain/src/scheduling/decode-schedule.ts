import { type CompiledInstance, familyOn } from './compile-instance.ts';
import type { Schedule, ScheduledOperation } from './model.ts';

/**
 * A solution as the search sees it: a machine per operation and, per machine, the order of its
 * non-fixed operations. Fixed operations (locks with a start, frozen ones) are not in the sequences:
 * the decoder places them at their fixed time and fits the others around them.
 */
export interface SequenceSolution {
  assign: Int32Array;
  sequences: number[][];
  /** Per machine batch-wait factor (overrides the decoder's default; searched by the local search). */
  batchWait?: Float64Array;
}

/** Objective terms of a decoded schedule. */
export interface ObjectiveValue {
  weightedTardiness: number;
  makespan: number;
  setupTime: number;
  /** Σ time by which job predecessors of fixed operations overrun the fixed start (0 when feasible). */
  lockViolation: number;
  /** The weighted objective (plus a large penalty per unit of lock violation). */
  total: number;
}

export const LOCK_VIOLATION_PENALTY = 1e7;

/**
 * General decoder (semi-active, sequence-preserving): processes operations in an order consistent with
 * both the job routes and the machine sequences and starts each as early as its job predecessor, the
 * job's release date, its machine (previous run + sequence-dependent setup), the machine's calendar and
 * the fixed operations allow. The setup is performed immediately before the operation and, like the
 * operation, must not overlap a downtime.
 *
 * Batch machines: consecutive operations of a machine's sequence share a run when their recipes are
 * equal, the summed load fits the capacity, and joining delays the run's start by at most
 * `batchWaitFactor` × the run's duration. A run lasts as long as its longest member and every member
 * ends with the run.
 *
 * `decode` returns false when the sequences contradict the routes (a cycle); the result arrays are then
 * meaningless.
 */
export class ScheduleDecoder {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly setup: Float64Array;
  /** Run index per op on batch machines (unique per run within one decode), -1 otherwise. */
  readonly run: Int32Array;
  /** Processing time of each op on its assigned machine. */
  readonly dur: Float64Array;
  readonly value: ObjectiveValue = {
    weightedTardiness: 0,
    makespan: 0,
    setupTime: 0,
    lockViolation: 0,
    total: 0,
  };
  /** Secondary measure used only to break ties in the search: Σ job completion times. */
  sumCompletion = 0;

  private readonly nFam: number;
  private readonly done: Uint8Array;
  private readonly ptr: Int32Array;
  private readonly stack: Int32Array;
  private readonly inStack: Uint8Array;
  private readonly free: Float64Array;
  private readonly lastFam: Int32Array;
  private readonly fixedPtr: Int32Array;
  private readonly dtPtr: Int32Array;
  /** Fixed runs per machine, sorted by start: [start, end, family] triples and their member ops. */
  private readonly fixedRuns: FixedRun[][];
  // open batch run per machine
  private readonly runOpen: Uint8Array;
  private readonly runRecipe: Int32Array;
  private readonly runLoad: Float64Array;
  private readonly runDur: Float64Array;
  private readonly runReady: Float64Array;
  private readonly runFam: Int32Array;
  private readonly runStart: Float64Array;
  private readonly runSetup: Float64Array;
  private readonly runMembers: number[][];
  private runCounter = 0;
  // probe results
  private pStart = 0;
  private pSetup = 0;
  private pFixedPtr = 0;
  private pFree = 0;
  private pLastFam = -1;

  constructor(
    readonly ci: CompiledInstance,
    public batchWaitFactor = 0.3,
  ) {
    const n = ci.nOps;
    const m = ci.nMachines;
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.setup = new Float64Array(n);
    this.run = new Int32Array(n);
    this.dur = new Float64Array(n);
    this.nFam = ci.familyNames.length;
    this.done = new Uint8Array(n);
    this.ptr = new Int32Array(m);
    this.stack = new Int32Array(m);
    this.inStack = new Uint8Array(m);
    this.free = new Float64Array(m);
    this.lastFam = new Int32Array(m);
    this.fixedPtr = new Int32Array(m);
    this.dtPtr = new Int32Array(m);
    this.runOpen = new Uint8Array(m);
    this.runRecipe = new Int32Array(m);
    this.runLoad = new Float64Array(m);
    this.runDur = new Float64Array(m);
    this.runReady = new Float64Array(m);
    this.runFam = new Int32Array(m);
    this.runStart = new Float64Array(m);
    this.runSetup = new Float64Array(m);
    this.runMembers = Array.from({ length: m }, () => []);
    this.fixedRuns = Array.from({ length: m }, () => []);
    const byKey = new Map<string, FixedRun>();
    for (let o = 0; o < n; o++) {
      const fm = ci.fixedMachine[o] as number;
      if (fm < 0) continue;
      const s = ci.fixedStart[o] as number;
      const d = durationOf(ci, o, fm);
      const key = (ci.fixedBatchKey[o] as number) >= 0 ? `b${ci.fixedBatchKey[o]}` : `o${o}`;
      let runEntry = byKey.get(key);
      if (!runEntry) {
        runEntry = { start: s, end: s + d, family: familyOn(ci, o, fm), ops: [], setup: 0 };
        byKey.set(key, runEntry);
        (this.fixedRuns[fm] as FixedRun[]).push(runEntry);
      }
      runEntry.end = Math.max(runEntry.end, runEntry.start + d);
      runEntry.ops.push(o);
    }
    for (const list of this.fixedRuns) list.sort((a, b) => a.start - b.start);
  }

  setupTime(m: number, from: number, to: number): number {
    const matrix = this.ci.machineSetup[m];
    if (!matrix || from < 0 || to < 0) return 0;
    return matrix[from * this.nFam + to] as number;
  }

  /** Earliest s >= s0 with [s - st, s + d) clear of downtimes on m (pointer hint dtPtr[m]). */
  private fitCalendar(m: number, s0: number, st: number, d: number): number {
    const dt = this.ci.machineDowntime[m] as Float64Array;
    const nd = dt.length;
    if (nd === 0) return s0;
    let s = s0;
    let i = this.dtPtr[m] as number;
    while (i < nd) {
      const ds = dt[i] as number;
      const de = dt[i + 1] as number;
      if (de <= s - st) {
        i += 2;
        continue;
      }
      if (ds >= s + d) break;
      s = de + st;
      i += 2;
    }
    return s;
  }

  private overlapsDowntime(m: number, a: number, b: number): boolean {
    if (b <= a) return false;
    const dt = this.ci.machineDowntime[m] as Float64Array;
    for (let i = this.dtPtr[m] as number; i < dt.length; i += 2) {
      if ((dt[i] as number) >= b) return false;
      if ((dt[i + 1] as number) > a) return true;
    }
    return false;
  }

  /** Place a run of family `fam` and length `d`, ready at `ready`, on m: result in p* fields. */
  private probe(m: number, ready: number, fam: number, d: number): void {
    let free = this.free[m] as number;
    let lastFam = this.lastFam[m] as number;
    let fp = this.fixedPtr[m] as number;
    const runs = this.fixedRuns[m] as FixedRun[];
    for (;;) {
      const st = this.setupTime(m, lastFam, fam);
      let s = ready > free + st ? ready : free + st;
      s = this.fitCalendar(m, s, st, d);
      const f = runs[fp];
      if (f !== undefined) {
        const st2 = this.setupTime(m, fam, f.family);
        if (s + d + st2 > f.start || (st2 > 0 && this.overlapsDowntime(m, f.start - st2, f.start))) {
          // f keeps its place: its setup is from whatever the machine did last
          f.setup = this.setupTime(m, lastFam, f.family);
          if (f.end > free) free = f.end;
          lastFam = f.family;
          fp++;
          continue;
        }
      }
      this.pStart = s;
      this.pSetup = st;
      this.pFixedPtr = fp;
      this.pFree = s + d;
      this.pLastFam = fam;
      return;
    }
  }

  private commitProbe(m: number): void {
    this.free[m] = this.pFree;
    this.lastFam[m] = this.pLastFam;
    this.fixedPtr[m] = this.pFixedPtr;
    const dt = this.ci.machineDowntime[m] as Float64Array;
    let i = this.dtPtr[m] as number;
    while (i < dt.length && (dt[i + 1] as number) <= this.pStart - this.pSetup) i += 2;
    this.dtPtr[m] = i;
  }

  private readyOf(o: number): number {
    const ci = this.ci;
    const p = ci.opPrev[o] as number;
    const rel = ci.jobRelease[ci.opJob[o] as number] as number;
    if (p < 0) return rel;
    const e = this.end[p] as number;
    return e > rel ? e : rel;
  }

  private push(m: number): void {
    if (this.inStack[m]) return;
    this.inStack[m] = 1;
    this.stack[this.sp++] = m;
  }
  private sp = 0;

  private markDone(o: number): void {
    this.done[o] = 1;
    const nx = this.ci.opNext[o] as number;
    if (nx >= 0 && !this.done[nx]) {
      const fm = this.ci.fixedMachine[nx] as number;
      if (fm < 0) this.push(this.assignRef[nx] as number);
    }
  }
  private assignRef: Int32Array = new Int32Array(0);
  private waitRef: Float64Array | undefined;

  private closeRun(m: number): void {
    const members = this.runMembers[m] as number[];
    const s = this.runStart[m] as number;
    const e = s + (this.runDur[m] as number);
    const st = this.runSetup[m] as number;
    const id = this.runCounter++;
    for (const o of members) {
      this.start[o] = s;
      this.end[o] = e;
      this.setup[o] = st;
      this.run[o] = id;
    }
    // commit machine state for the run
    this.probe(m, this.runReady[m] as number, this.runFam[m] as number, this.runDur[m] as number);
    this.commitProbe(m);
    this.setupSum += st;
    this.runOpen[m] = 0;
    for (const o of members) this.markDone(o);
    members.length = 0;
  }
  private setupSum = 0;

  /** Reset to an empty plan holding only the fixed operations (used by `decode` and the dispatchers). */
  begin(assign: Int32Array, batchWait?: Float64Array): number {
    const ci = this.ci;
    const n = ci.nOps;
    const nm = ci.nMachines;
    this.assignRef = assign;
    this.waitRef = batchWait;
    this.done.fill(0);
    this.ptr.fill(0);
    this.inStack.fill(0);
    this.free.fill(0);
    this.lastFam.set(ci.machineInitialFamily);
    this.fixedPtr.fill(0);
    this.dtPtr.fill(0);
    this.runOpen.fill(0);
    this.run.fill(-1);
    this.runCounter = 0;
    this.setupSum = 0;
    this.sp = 0;
    for (let o = 0; o < n; o++) {
      const m = assign[o] as number;
      this.dur[o] = m >= 0 ? durationOf(ci, o, m) : 0;
    }
    // fixed operations: times known up front
    let nFixed = 0;
    for (let m = 0; m < nm; m++) {
      for (const f of this.fixedRuns[m] as FixedRun[]) {
        for (const o of f.ops) {
          this.start[o] = f.start;
          this.end[o] = (ci.machineCapacity[m] as number) > 0 ? f.end : f.start + (this.dur[o] as number);
          this.setup[o] = 0;
          this.done[o] = 1;
          nFixed++;
        }
      }
    }
    return nFixed;
  }

  /** True once o's start and end are final (placed, or its batch run closed, or fixed). */
  isDone(o: number): boolean {
    return this.done[o] === 1;
  }

  /** Earliest ready time of o from its job predecessor and release (the predecessor must be done). */
  readyTime(o: number): number {
    return this.readyOf(o);
  }

  /**
   * Incremental use: the start o would get if appended now to machine m (its job predecessor must be
   * done). On a batch machine this is the start of the open run it would join, or of a new run.
   */
  startIfAppended(o: number, m: number): number {
    const ci = this.ci;
    const ready = this.readyOf(o);
    const d = durationOf(ci, o, m);
    if ((ci.machineCapacity[m] as number) > 0 && this.runOpen[m] && this.canJoin(o, m, ready, d))
      return this.pStart;
    if ((ci.machineCapacity[m] as number) > 0 && this.runOpen[m]) {
      // after the open run closes
      const free = this.free[m];
      const lastFam = this.lastFam[m];
      const fp = this.fixedPtr[m];
      this.probe(m, this.runReady[m] as number, this.runFam[m] as number, this.runDur[m] as number);
      const saveFree = this.pFree;
      const saveFam = this.pLastFam;
      const saveFp = this.pFixedPtr;
      this.free[m] = saveFree;
      this.lastFam[m] = saveFam;
      this.fixedPtr[m] = saveFp;
      this.probe(m, ready, familyOn(ci, o, m), d);
      this.free[m] = free as number;
      this.lastFam[m] = lastFam as number;
      this.fixedPtr[m] = fp as number;
      return this.pStart;
    }
    this.probe(m, ready, familyOn(ci, o, m), d);
    return this.pStart;
  }

  /** Setup time o would need if appended to m now (ignores batch joining). */
  setupIfAppended(o: number, m: number): number {
    return this.setupTime(m, this.lastFam[m] as number, familyOn(this.ci, o, m));
  }

  /** Incremental use: append o to machine m (assign[o] must already be m). */
  append(o: number, m: number): void {
    this.dur[o] = durationOf(this.ci, o, m);
    this.placeHead(o, m);
  }

  /** Incremental use: close the open batch run that starts first; false if none is open. */
  closeFirstOpenRun(): boolean {
    let pick = -1;
    for (let m = 0; m < this.ci.nMachines; m++) {
      if (this.runOpen[m] && (pick < 0 || (this.runStart[m] as number) < (this.runStart[pick] as number)))
        pick = m;
    }
    if (pick < 0) return false;
    this.closeRun(pick);
    return true;
  }

  /** Incremental use: close every open run and compute the objective. */
  finish(): void {
    while (this.closeFirstOpenRun()) {
      // keep closing
    }
    this.finalize();
  }

  private canJoin(o: number, m: number, ready: number, d: number): boolean {
    const ci = this.ci;
    const load = (this.runLoad[m] as number) + (ci.opLoad[o] as number);
    if (ci.opRecipe[o] !== this.runRecipe[m] || load > (ci.machineCapacity[m] as number)) return false;
    const newReady = Math.max(this.runReady[m] as number, ready);
    const newDur = Math.max(this.runDur[m] as number, d);
    this.probe(m, newReady, this.runFam[m] as number, newDur);
    const factor = this.waitRef ? (this.waitRef[m] as number) : this.batchWaitFactor;
    return this.pStart - (this.runStart[m] as number) <= factor * (this.runDur[m] as number);
  }

  /** Place o (its job predecessor done) at the end of machine m's plan. */
  private placeHead(o: number, m: number): void {
    const ci = this.ci;
    const ready = this.readyOf(o);
    const d = this.dur[o] as number;
    const fam = familyOn(ci, o, m);
    if ((ci.machineCapacity[m] as number) === 0) {
      this.probe(m, ready, fam, d);
      this.commitProbe(m);
      this.start[o] = this.pStart;
      this.end[o] = this.pStart + d;
      this.setup[o] = this.pSetup;
      this.setupSum += this.pSetup;
      this.markDone(o);
      return;
    }
    if (this.runOpen[m]) {
      if (this.canJoin(o, m, ready, d)) {
        this.runLoad[m] = (this.runLoad[m] as number) + (ci.opLoad[o] as number);
        this.runReady[m] = Math.max(this.runReady[m] as number, ready);
        this.runDur[m] = Math.max(this.runDur[m] as number, d);
        this.runStart[m] = this.pStart;
        this.runSetup[m] = this.pSetup;
        (this.runMembers[m] as number[]).push(o);
        return;
      }
      this.closeRun(m);
    }
    this.probe(m, ready, fam, d);
    this.runOpen[m] = 1;
    this.runRecipe[m] = ci.opRecipe[o] as number;
    this.runLoad[m] = ci.opLoad[o] as number;
    this.runReady[m] = ready;
    this.runDur[m] = d;
    this.runFam[m] = fam;
    this.runStart[m] = this.pStart;
    this.runSetup[m] = this.pSetup;
    (this.runMembers[m] as number[]).push(o);
  }

  decode(sol: SequenceSolution): boolean {
    const ci = this.ci;
    const n = ci.nOps;
    const nm = ci.nMachines;
    const nFixed = this.begin(sol.assign, sol.batchWait);
    for (let m = 0; m < nm; m++) this.push(m);
    let placed = 0;
    const total = n - nFixed;
    for (;;) {
      while (this.sp > 0) {
        const m = this.stack[--this.sp] as number;
        this.inStack[m] = 0;
        const seq = sol.sequences[m] as number[];
        while ((this.ptr[m] as number) < seq.length) {
          const o = seq[this.ptr[m] as number] as number;
          const p = ci.opPrev[o] as number;
          if (p >= 0 && !this.done[p]) break;
          this.placeHead(o, m);
          this.ptr[m] = (this.ptr[m] as number) + 1;
          placed++;
        }
      }
      // nothing can move: close the open run that starts first (its members unblock successors)
      if (!this.closeFirstOpenRun()) break;
    }
    if (placed < total) return false;
    this.finalize();
    return true;
  }

  private finalize(): void {
    const ci = this.ci;
    const nm = ci.nMachines;
    // setups of the fixed runs (those not passed yet follow the machine's last run)
    for (let m = 0; m < nm; m++) {
      const runs = this.fixedRuns[m] as FixedRun[];
      let lastFam = this.lastFam[m] as number;
      for (let i = this.fixedPtr[m] as number; i < runs.length; i++) {
        const f = runs[i] as FixedRun;
        f.setup = this.setupTime(m, lastFam, f.family);
        lastFam = f.family;
      }
      for (const f of runs) {
        for (const o of f.ops) this.setup[o] = f.setup;
        this.setupSum += f.setup;
      }
    }
    this.computeObjective();
  }

  private computeObjective(): void {
    const ci = this.ci;
    let wt = 0;
    let cmax = 0;
    let sumC = 0;
    for (let j = 0; j < ci.nJobs; j++) {
      const last = (ci.jobStart[j + 1] as number) - 1;
      const c = this.end[last] as number;
      if (c > cmax) cmax = c;
      sumC += c;
      const late = c - (ci.jobDue[j] as number);
      if (late > 0) wt += (ci.jobWeight[j] as number) * late;
    }
    let viol = 0;
    if (ci.hasFixed) {
      for (let o = 0; o < ci.nOps; o++) {
        if ((ci.fixedMachine[o] as number) < 0) continue;
        const p = ci.opPrev[o] as number;
        const rel = ci.jobRelease[ci.opJob[o] as number] as number;
        const need = p >= 0 ? Math.max(this.end[p] as number, rel) : rel;
        if (need > (this.start[o] as number)) viol += need - (this.start[o] as number);
      }
    }
    const w = ci.objective;
    const v = this.value;
    v.weightedTardiness = wt;
    v.makespan = cmax;
    v.setupTime = this.setupSum;
    v.lockViolation = viol;
    v.total =
      w.weightedTardiness * wt +
      w.makespan * cmax +
      w.setupTime * this.setupSum +
      LOCK_VIOLATION_PENALTY * viol;
    this.sumCompletion = sumC;
  }
}

interface FixedRun {
  start: number;
  end: number;
  family: number;
  ops: number[];
  setup: number;
}

export function durationOf(ci: CompiledInstance, o: number, m: number): number {
  const end = ci.altStart[o + 1] as number;
  for (let a = ci.altStart[o] as number; a < end; a++)
    if (ci.altMachine[a] === m) return ci.altDuration[a] as number;
  return Number.NaN;
}

/** The decoder's current timing as a `Schedule` (ids, not indices). */
export function scheduleFromDecoder(
  ci: CompiledInstance,
  decoder: ScheduleDecoder,
  assign: Int32Array,
): Schedule {
  const operations: ScheduledOperation[] = [];
  for (let o = 0; o < ci.nOps; o++) {
    const m = assign[o] as number;
    const machineId = ci.machineIds[m] as string;
    const entry: ScheduledOperation = {
      jobId: ci.jobIds[ci.opJob[o] as number] as string,
      operationId: ci.opIds[o] as string,
      machineId,
      start: decoder.start[o] as number,
      end: decoder.end[o] as number,
      setupTime: decoder.setup[o] as number,
    };
    if ((ci.machineCapacity[m] as number) > 0) {
      const fixedKey = ci.fixedBatchKey[o] as number;
      entry.batchId = fixedKey >= 0 ? `${machineId}:fixed-${fixedKey}` : `${machineId}:run-${decoder.run[o]}`;
    }
    operations.push(entry);
  }
  return { operations };
}
