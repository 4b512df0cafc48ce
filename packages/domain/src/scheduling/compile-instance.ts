import { type ObjectiveWeights, SchedulingInputError, type SchedulingInstance } from './model.ts';

/**
 * The solver's indexed form of an instance: operations numbered 0..nOps-1 job by job (route order),
 * machines and setup families by index. Built once per solve by `compileInstance`, which also enforces
 * the model's structural rules (unique ids, known machines, positive durations, batch data where needed,
 * locks and frozen operations that name an eligible machine).
 */
export interface CompiledInstance {
  readonly source: SchedulingInstance;
  readonly nJobs: number;
  readonly nOps: number;
  readonly nMachines: number;
  readonly machineIds: readonly string[];
  readonly jobIds: readonly string[];
  readonly opIds: readonly string[];
  /** Operations of job j are jobStart[j] .. jobStart[j+1]-1. */
  readonly jobStart: Int32Array;
  readonly opJob: Int32Array;
  /** Previous / next operation of the same job, -1 if none. */
  readonly opPrev: Int32Array;
  readonly opNext: Int32Array;
  readonly jobRelease: Float64Array;
  /** +Infinity when the job has no due date. */
  readonly jobDue: Float64Array;
  readonly jobWeight: Float64Array;
  /** Eligible machines of op o: altMachine/altDuration[altStart[o] .. altStart[o+1]-1]. */
  readonly altStart: Int32Array;
  readonly altMachine: Int32Array;
  readonly altDuration: Float64Array;
  /** Setup family index per op, -1 if none. */
  readonly opFamily: Int32Array;
  /** Setup family on batch machines: the op's recipe (same index space as opFamily), -1 if none. */
  readonly opBatchFamily: Int32Array;
  readonly familyNames: readonly string[];
  /** Recipe index (batch compatibility) per op, -1 if none; load per op (0 if none). */
  readonly opRecipe: Int32Array;
  readonly opLoad: Float64Array;
  /** Per machine: dense nFamilies x nFamilies setup matrix (row = from), or null when it has none. */
  readonly machineSetup: readonly (Float64Array | null)[];
  readonly machineInitialFamily: Int32Array;
  /** Per machine: merged, sorted downtimes as [s0, e0, s1, e1, ...]. */
  readonly machineDowntime: readonly Float64Array[];
  /** Batch capacity per machine, 0 for ordinary machines. */
  readonly machineCapacity: Float64Array;
  /** Fixed (locked with a start, or frozen) operations: machine and start; -1 / NaN otherwise. */
  readonly fixedMachine: Int32Array;
  readonly fixedStart: Float64Array;
  /** Fixed operations on a batch machine: ops with the same key run together (-1 otherwise). */
  readonly fixedBatchKey: Int32Array;
  readonly objective: ObjectiveWeights;
  readonly hasSetups: boolean;
  readonly hasDowntimes: boolean;
  readonly hasBatches: boolean;
  readonly hasRelease: boolean;
  readonly hasFixed: boolean;
  readonly hasDueDates: boolean;
}

export function resolveObjective(instance: SchedulingInstance, hasDueDates: boolean): ObjectiveWeights {
  const given = instance.objective ?? {};
  const base: ObjectiveWeights = hasDueDates
    ? { weightedTardiness: 1, makespan: 0, setupTime: 0 }
    : { weightedTardiness: 0, makespan: 1, setupTime: 0 };
  const weights = {
    ...base,
    ...(instance.objective ? { weightedTardiness: 0, makespan: 0, setupTime: 0 } : {}),
  };
  for (const key of ['weightedTardiness', 'makespan', 'setupTime'] as const) {
    const v = given[key];
    if (v !== undefined) {
      if (!(Number.isFinite(v) && v >= 0)) throw new SchedulingInputError(`objective.${key} must be >= 0`);
      weights[key] = v;
    }
  }
  if (weights.weightedTardiness + weights.makespan + weights.setupTime === 0) {
    throw new SchedulingInputError('objective: at least one weight must be positive');
  }
  return weights;
}

function finiteNonNegative(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new SchedulingInputError(`${what} must be a finite number >= 0`);
  return value;
}

export function compileInstance(instance: SchedulingInstance): CompiledInstance {
  const machineIndex = new Map<string, number>();
  instance.machines.forEach((m, i) => {
    if (machineIndex.has(m.id)) throw new SchedulingInputError(`machine ${m.id}: duplicate id`);
    machineIndex.set(m.id, i);
  });
  const nMachines = instance.machines.length;
  if (nMachines === 0) throw new SchedulingInputError('instance has no machines');

  const familyIndex = new Map<string, number>();
  const familyNames: string[] = [];
  const familyOf = (name: string | undefined): number => {
    if (name === undefined) return -1;
    let f = familyIndex.get(name);
    if (f === undefined) {
      f = familyNames.length;
      familyIndex.set(name, f);
      familyNames.push(name);
    }
    return f;
  };
  const recipeIndex = new Map<string, number>();
  for (const m of instance.machines) familyOf(m.initialFamily);

  const jobIds: string[] = [];
  const opIds: string[] = [];
  const seenJobs = new Set<string>();
  let nOps = 0;
  for (const job of instance.jobs) {
    if (seenJobs.has(job.id)) throw new SchedulingInputError(`job ${job.id}: duplicate id`);
    seenJobs.add(job.id);
    if (job.operations.length === 0) throw new SchedulingInputError(`job ${job.id}: no operations`);
    nOps += job.operations.length;
  }
  const nJobs = instance.jobs.length;
  const jobStart = new Int32Array(nJobs + 1);
  const opJob = new Int32Array(nOps);
  const opPrev = new Int32Array(nOps).fill(-1);
  const opNext = new Int32Array(nOps).fill(-1);
  const jobRelease = new Float64Array(nJobs);
  const jobDue = new Float64Array(nJobs).fill(Number.POSITIVE_INFINITY);
  const jobWeight = new Float64Array(nJobs).fill(1);
  const altStart = new Int32Array(nOps + 1);
  const altMachineList: number[] = [];
  const altDurationList: number[] = [];
  const opFamily = new Int32Array(nOps).fill(-1);
  const opBatchFamily = new Int32Array(nOps).fill(-1);
  const opRecipe = new Int32Array(nOps).fill(-1);
  const opLoad = new Float64Array(nOps);
  const fixedMachine = new Int32Array(nOps).fill(-1);
  const fixedStart = new Float64Array(nOps).fill(Number.NaN);
  const fixedBatchKey = new Int32Array(nOps).fill(-1);
  const opKey = new Map<string, number>();

  const capacity = new Float64Array(nMachines);
  instance.machines.forEach((m, i) => {
    if (m.batch) {
      if (!(m.batch.capacity > 0))
        throw new SchedulingInputError(`machine ${m.id}: batch capacity must be > 0`);
      capacity[i] = m.batch.capacity;
    }
  });

  let o = 0;
  let hasDueDates = false;
  let hasRelease = false;
  instance.jobs.forEach((job, j) => {
    jobIds.push(job.id);
    jobStart[j] = o;
    if (job.releaseDate !== undefined) {
      jobRelease[j] = finiteNonNegative(job.releaseDate, `job ${job.id}: releaseDate`);
      if (job.releaseDate > 0) hasRelease = true;
    }
    if (job.dueDate !== undefined) {
      if (!Number.isFinite(job.dueDate))
        throw new SchedulingInputError(`job ${job.id}: dueDate must be finite`);
      jobDue[j] = job.dueDate;
      hasDueDates = true;
    }
    if (job.weight !== undefined) jobWeight[j] = finiteNonNegative(job.weight, `job ${job.id}: weight`);
    const seenOps = new Set<string>();
    job.operations.forEach((op, k) => {
      const where = `job ${job.id} operation ${op.id}`;
      if (seenOps.has(op.id)) throw new SchedulingInputError(`${where}: duplicate operation id in the job`);
      seenOps.add(op.id);
      opIds.push(op.id);
      opKey.set(`${job.id}\u0000${op.id}`, o);
      opJob[o] = j;
      if (k > 0) {
        opPrev[o] = o - 1;
        opNext[o - 1] = o;
      }
      opFamily[o] = familyOf(op.family);
      if (op.batch) {
        let r = recipeIndex.get(op.batch.recipe);
        if (r === undefined) {
          r = recipeIndex.size;
          recipeIndex.set(op.batch.recipe, r);
        }
        opRecipe[o] = r;
        opBatchFamily[o] = familyOf(op.batch.recipe);
        opLoad[o] = finiteNonNegative(op.batch.load, `${where}: batch.load`);
      }
      altStart[o] = altMachineList.length;
      const lockMachine = op.lock?.machineId;
      if (op.lock?.start !== undefined && lockMachine === undefined) {
        throw new SchedulingInputError(`${where}: a lock with a start needs a machineId`);
      }
      const seenMachines = new Set<number>();
      for (const opt of op.options) {
        const m = machineIndex.get(opt.machineId);
        if (m === undefined) throw new SchedulingInputError(`${where}: unknown machine ${opt.machineId}`);
        if (seenMachines.has(m))
          throw new SchedulingInputError(`${where}: machine ${opt.machineId} listed twice`);
        seenMachines.add(m);
        if (!(Number.isFinite(opt.duration) && opt.duration > 0)) {
          throw new SchedulingInputError(`${where}: duration on ${opt.machineId} must be > 0`);
        }
        if ((capacity[m] ?? 0) > 0) {
          if (!op.batch)
            throw new SchedulingInputError(`${where}: batch machine ${opt.machineId} needs op.batch`);
          if (op.batch.load > (capacity[m] ?? 0)) {
            throw new SchedulingInputError(`${where}: load exceeds the capacity of ${opt.machineId}`);
          }
        }
        if (lockMachine !== undefined && opt.machineId !== lockMachine) continue;
        altMachineList.push(m);
        altDurationList.push(opt.duration);
      }
      if (altMachineList.length === altStart[o]) {
        throw new SchedulingInputError(
          lockMachine !== undefined
            ? `${where}: locked machine ${lockMachine} is not eligible`
            : `${where}: no eligible machine`,
        );
      }
      if (op.lock?.start !== undefined) {
        fixedMachine[o] = machineIndex.get(lockMachine as string) as number;
        fixedStart[o] = finiteNonNegative(op.lock.start, `${where}: lock.start`);
      }
      o++;
    });
  });
  jobStart[nJobs] = o;
  altStart[nOps] = altMachineList.length;

  if (instance.frozen) {
    const { frozenUntil, plan } = instance.frozen;
    const batchKeys = new Map<string, number>();
    for (const p of plan.operations) {
      if (!(p.start < frozenUntil)) continue;
      const idx = opKey.get(`${p.jobId}\u0000${p.operationId}`);
      // Operations of the old plan that are no longer in the instance (finished, cancelled) are ignored.
      if (idx === undefined) continue;
      const m = machineIndex.get(p.machineId);
      if (m === undefined)
        throw new SchedulingInputError(`frozen ${p.jobId}/${p.operationId}: unknown machine`);
      if (fixedMachine[idx] !== -1 && (fixedMachine[idx] !== m || fixedStart[idx] !== p.start)) {
        throw new SchedulingInputError(`frozen ${p.jobId}/${p.operationId}: conflicts with its lock`);
      }
      let eligible = false;
      for (let a = altStart[idx] ?? 0; a < (altStart[idx + 1] ?? 0); a++)
        if (altMachineList[a] === m) eligible = true;
      if (!eligible)
        throw new SchedulingInputError(`frozen ${p.jobId}/${p.operationId}: machine not eligible`);
      fixedMachine[idx] = m;
      fixedStart[idx] = p.start;
      if ((capacity[m] ?? 0) > 0) {
        const key = `${m}\u0000${p.batchId ?? `${p.start}`}`;
        let k = batchKeys.get(key);
        if (k === undefined) {
          k = batchKeys.size;
          batchKeys.set(key, k);
        }
        fixedBatchKey[idx] = k;
      }
    }
  }
  // Fixed ops on batch machines without a frozen batch key (locks): group by machine and start.
  {
    const keys = new Map<string, number>();
    let next = 1 << 20;
    for (let i = 0; i < nOps; i++) {
      const m = fixedMachine[i] ?? -1;
      if (m < 0 || (capacity[m] ?? 0) === 0 || (fixedBatchKey[i] ?? -1) >= 0) continue;
      const key = `${m}\u0000${fixedStart[i]}`;
      let k = keys.get(key);
      if (k === undefined) {
        k = next++;
        keys.set(key, k);
      }
      fixedBatchKey[i] = k;
    }
  }

  const nFam = familyNames.length;
  let hasSetups = false;
  const machineSetup = instance.machines.map((m) => {
    if (!m.setup) return null;
    const matrix = new Float64Array(nFam * nFam);
    const def = finiteNonNegative(m.setup.default ?? 0, `machine ${m.id}: setup.default`);
    for (let a = 0; a < nFam; a++) for (let b = 0; b < nFam; b++) matrix[a * nFam + b] = a === b ? 0 : def;
    for (const [from, row] of Object.entries(m.setup.times)) {
      const a = familyIndex.get(from);
      for (const [to, value] of Object.entries(row)) {
        finiteNonNegative(value, `machine ${m.id}: setup ${from} -> ${to}`);
        const b = familyIndex.get(to);
        // Families no operation or machine uses cannot occur in a schedule; ignore their rows.
        if (a === undefined || b === undefined) continue;
        matrix[a * nFam + b] = value;
      }
    }
    if (matrix.some((v) => v > 0)) hasSetups = true;
    return matrix;
  });
  const machineInitialFamily = new Int32Array(nMachines).fill(-1);
  instance.machines.forEach((m, i) => {
    machineInitialFamily[i] = familyOf(m.initialFamily);
  });
  let hasDowntimes = false;
  const machineDowntime = instance.machines.map((m) => {
    const windows = [...(m.downtimes ?? [])]
      .map((w) => {
        if (!(Number.isFinite(w.start) && Number.isFinite(w.end) && w.end >= w.start)) {
          throw new SchedulingInputError(`machine ${m.id}: downtime needs finite start <= end`);
        }
        return w;
      })
      .filter((w) => w.end > w.start)
      .sort((a, b) => a.start - b.start);
    const merged: number[] = [];
    for (const w of windows) {
      const last = merged.length - 1;
      if (last > 0 && w.start <= (merged[last] as number))
        merged[last] = Math.max(merged[last] as number, w.end);
      else merged.push(w.start, w.end);
    }
    if (merged.length > 0) hasDowntimes = true;
    return Float64Array.from(merged);
  });

  return {
    source: instance,
    nJobs,
    nOps,
    nMachines,
    machineIds: instance.machines.map((m) => m.id),
    jobIds,
    opIds,
    jobStart,
    opJob,
    opPrev,
    opNext,
    jobRelease,
    jobDue,
    jobWeight,
    altStart,
    altMachine: Int32Array.from(altMachineList),
    altDuration: Float64Array.from(altDurationList),
    opFamily,
    opBatchFamily,
    familyNames,
    opRecipe,
    opLoad,
    machineSetup,
    machineInitialFamily,
    machineDowntime,
    machineCapacity: capacity,
    fixedMachine,
    fixedStart,
    fixedBatchKey,
    objective: resolveObjective(instance, hasDueDates),
    hasSetups,
    hasDowntimes,
    hasBatches: capacity.some((c) => c > 0),
    hasRelease,
    hasFixed: fixedMachine.some((m) => m >= 0),
    hasDueDates,
  };
}

/** Setup family of op o when it runs on machine m (its recipe on a batch machine). */
export function familyOn(ci: CompiledInstance, o: number, m: number): number {
  return ((ci.machineCapacity[m] as number) > 0 ? ci.opBatchFamily[o] : ci.opFamily[o]) as number;
}

/** Processing time of op o on machine m (NaN when m is not eligible). */
export function durationOn(ci: CompiledInstance, o: number, m: number): number {
  const end = ci.altStart[o + 1] ?? 0;
  for (let a = ci.altStart[o] ?? 0; a < end; a++)
    if (ci.altMachine[a] === m) return ci.altDuration[a] ?? Number.NaN;
  return Number.NaN;
}
