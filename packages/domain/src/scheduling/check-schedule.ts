import type { Machine, Operation, Schedule, ScheduledOperation, SchedulingInstance } from './model.ts';

/**
 * Independent feasibility checker. Written apart from the solver's decoder on purpose (it shares only the
 * model types): it re-derives every rule from the instance and the schedule's ids and times, so a
 * decoder bug cannot hide behind the same bug here.
 *
 * Rules: every operation scheduled exactly once; on an eligible machine (and its locked machine); for its
 * processing time on that machine (a batch run lasts as long as its longest member, and every member
 * shares the run's start and end); after its job predecessor ends and not before the job's release;
 * runs on a machine do not overlap, and between consecutive runs there is at least the setup the
 * machine's matrix requires (the schedule's `setupTime` must cover it); neither setup nor processing
 * overlaps a downtime; batch runs hold one recipe within capacity; locked starts and frozen operations
 * are kept.
 */
export type ViolationKind =
  | 'unknown-operation'
  | 'missing'
  | 'duplicate'
  | 'ineligible-machine'
  | 'duration'
  | 'precedence'
  | 'release'
  | 'overlap'
  | 'setup'
  | 'downtime'
  | 'batch-sync'
  | 'batch-recipe'
  | 'batch-capacity'
  | 'batch-machine'
  | 'lock'
  | 'frozen';

export interface Violation {
  kind: ViolationKind;
  message: string;
  jobId?: string;
  operationId?: string;
  machineId?: string;
}

export interface ScheduleMetrics {
  makespan: number;
  weightedTardiness: number;
  totalTardiness: number;
  lateJobs: number;
  setupTime: number;
}

export interface CheckResult {
  feasible: boolean;
  violations: Violation[];
  /** Computed from the schedule as given (meaningful only when feasible). */
  metrics: ScheduleMetrics;
}

const EPS = 1e-9;

function requiredSetup(machine: Machine, from: string | undefined, to: string | undefined): number {
  if (!machine.setup || from === undefined || to === undefined) return 0;
  const listed = machine.setup.times[from]?.[to];
  if (listed !== undefined) return listed;
  return from === to ? 0 : (machine.setup.default ?? 0);
}

export function checkSchedule(
  instance: SchedulingInstance,
  schedule: Schedule,
  maxViolations = 200,
): CheckResult {
  const violations: Violation[] = [];
  const add = (v: Violation) => {
    if (violations.length < maxViolations) violations.push(v);
  };
  const machines = new Map<string, Machine>(instance.machines.map((m) => [m.id, m]));
  const opsByKey = new Map<string, { op: Operation; jobIndex: number; opIndex: number }>();
  instance.jobs.forEach((job, jobIndex) => {
    job.operations.forEach((op, opIndex) => {
      opsByKey.set(`${job.id}\u0000${op.id}`, { op, jobIndex, opIndex });
    });
  });
  const placed = new Map<string, ScheduledOperation>();
  for (const s of schedule.operations) {
    const key = `${s.jobId}\u0000${s.operationId}`;
    const where = { jobId: s.jobId, operationId: s.operationId, machineId: s.machineId };
    if (!opsByKey.has(key)) {
      add({
        kind: 'unknown-operation',
        message: `${s.jobId}/${s.operationId} is not in the instance`,
        ...where,
      });
      continue;
    }
    if (placed.has(key)) {
      add({ kind: 'duplicate', message: `${s.jobId}/${s.operationId} is scheduled twice`, ...where });
      continue;
    }
    placed.set(key, s);
  }

  // per-operation rules
  for (const job of instance.jobs) {
    let prev: ScheduledOperation | undefined;
    const release = job.releaseDate ?? 0;
    for (const op of job.operations) {
      const s = placed.get(`${job.id}\u0000${op.id}`);
      if (!s) {
        add({
          kind: 'missing',
          message: `${job.id}/${op.id} is not scheduled`,
          jobId: job.id,
          operationId: op.id,
        });
        prev = undefined;
        continue;
      }
      const where = { jobId: job.id, operationId: op.id, machineId: s.machineId };
      const option = op.options.find((o) => o.machineId === s.machineId);
      const machine = machines.get(s.machineId);
      if (!option || !machine) {
        add({
          kind: 'ineligible-machine',
          message: `${job.id}/${op.id} cannot run on ${s.machineId}`,
          ...where,
        });
      } else if (!machine.batch && Math.abs(s.end - s.start - option.duration) > EPS) {
        add({
          kind: 'duration',
          message: `${job.id}/${op.id} on ${s.machineId} lasts ${s.end - s.start}, needs ${option.duration}`,
          ...where,
        });
      } else if (machine.batch && s.end - s.start < option.duration - EPS) {
        add({
          kind: 'duration',
          message: `${job.id}/${op.id} run shorter than its processing time`,
          ...where,
        });
      }
      if (!(s.setupTime >= 0) || !Number.isFinite(s.start) || !Number.isFinite(s.end)) {
        add({ kind: 'duration', message: `${job.id}/${op.id} has invalid times`, ...where });
      }
      if (s.start < release - EPS) {
        add({
          kind: 'release',
          message: `${job.id}/${op.id} starts ${s.start} before release ${release}`,
          ...where,
        });
      }
      if (prev && s.start < prev.end - EPS) {
        add({
          kind: 'precedence',
          message: `${job.id}/${op.id} starts ${s.start} before ${prev.operationId} ends ${prev.end}`,
          ...where,
        });
      }
      if (op.lock?.machineId !== undefined && op.lock.machineId !== s.machineId) {
        add({ kind: 'lock', message: `${job.id}/${op.id} is locked to ${op.lock.machineId}`, ...where });
      }
      if (op.lock?.start !== undefined && Math.abs(op.lock.start - s.start) > EPS) {
        add({ kind: 'lock', message: `${job.id}/${op.id} is locked to start at ${op.lock.start}`, ...where });
      }
      prev = s;
    }
  }

  // frozen horizon
  if (instance.frozen) {
    for (const p of instance.frozen.plan.operations) {
      if (!(p.start < instance.frozen.frozenUntil)) continue;
      const key = `${p.jobId}\u0000${p.operationId}`;
      if (!opsByKey.has(key)) continue;
      const s = placed.get(key);
      if (s && (s.machineId !== p.machineId || Math.abs(s.start - p.start) > EPS)) {
        add({
          kind: 'frozen',
          message: `${p.jobId}/${p.operationId} is frozen on ${p.machineId} at ${p.start}`,
          jobId: p.jobId,
          operationId: p.operationId,
          machineId: s.machineId,
        });
      }
    }
  }

  // per-machine rules: runs (an operation, or a batch), setups, overlaps, downtimes
  const byMachine = new Map<string, ScheduledOperation[]>();
  for (const s of placed.values()) {
    if (!machines.has(s.machineId)) continue;
    const list = byMachine.get(s.machineId) ?? [];
    list.push(s);
    byMachine.set(s.machineId, list);
  }
  for (const [machineId, list] of byMachine) {
    const machine = machines.get(machineId) as Machine;
    interface Run {
      start: number;
      end: number;
      setupTime: number;
      family: string | undefined;
      members: ScheduledOperation[];
    }
    const runs: Run[] = [];
    if (machine.batch) {
      const groups = new Map<string, ScheduledOperation[]>();
      for (const s of list) {
        const key = s.batchId ?? `single:${s.jobId}/${s.operationId}`;
        const g = groups.get(key) ?? [];
        g.push(s);
        groups.set(key, g);
      }
      for (const members of groups.values()) {
        const first = members[0] as ScheduledOperation;
        const ops = members.map(
          (s) => (opsByKey.get(`${s.jobId}\u0000${s.operationId}`) as { op: Operation }).op,
        );
        let longest = 0;
        let load = 0;
        const recipes = new Set<string>();
        ops.forEach((op, i) => {
          const d = op.options.find((o) => o.machineId === machineId)?.duration ?? 0;
          longest = Math.max(longest, d);
          load += op.batch?.load ?? 0;
          recipes.add(op.batch?.recipe ?? `(none: ${(members[i] as ScheduledOperation).operationId})`);
        });
        const where = { jobId: first.jobId, operationId: first.operationId, machineId };
        for (const s of members) {
          if (s.start !== first.start || s.end !== first.end || s.setupTime !== first.setupTime) {
            add({
              kind: 'batch-sync',
              message: `batch ${s.batchId}: members differ in start/end/setup`,
              ...where,
            });
            break;
          }
        }
        if (Math.abs(first.end - first.start - longest) > EPS) {
          add({
            kind: 'duration',
            message: `batch ${first.batchId} lasts ${first.end - first.start}, needs ${longest}`,
            ...where,
          });
        }
        if (recipes.size > 1) {
          add({
            kind: 'batch-recipe',
            message: `batch ${first.batchId} mixes recipes ${[...recipes].join(', ')}`,
            ...where,
          });
        }
        if (load > machine.batch.capacity + EPS) {
          add({
            kind: 'batch-capacity',
            message: `batch ${first.batchId} load ${load} > ${machine.batch.capacity}`,
            ...where,
          });
        }
        runs.push({
          start: first.start,
          end: first.end,
          setupTime: first.setupTime,
          // on a batch machine the setup matrix is keyed by recipe
          family: (ops[0] as Operation).batch?.recipe,
          members,
        });
      }
    } else {
      for (const s of list) {
        if (s.batchId !== undefined) {
          add({
            kind: 'batch-machine',
            message: `${s.jobId}/${s.operationId} has a batch id on a non-batch machine`,
            jobId: s.jobId,
            operationId: s.operationId,
            machineId,
          });
        }
        const op = (opsByKey.get(`${s.jobId}\u0000${s.operationId}`) as { op: Operation }).op;
        runs.push({ start: s.start, end: s.end, setupTime: s.setupTime, family: op.family, members: [s] });
      }
    }
    runs.sort((a, b) => a.start - b.start || a.end - b.end);
    let previous: Run | undefined;
    const downtimes = machine.downtimes ?? [];
    for (const run of runs) {
      const first = run.members[0] as ScheduledOperation;
      const where = { jobId: first.jobId, operationId: first.operationId, machineId };
      const fromFamily = previous ? previous.family : machine.initialFamily;
      const need = requiredSetup(machine, fromFamily, run.family);
      if (run.setupTime < need - EPS) {
        add({
          kind: 'setup',
          message: `${first.jobId}/${first.operationId} on ${machineId}: setup ${run.setupTime} < required ${need}`,
          ...where,
        });
      }
      const busyFrom = run.start - Math.max(run.setupTime, need);
      if (previous && busyFrom < previous.end - EPS) {
        const p = previous.members[0] as ScheduledOperation;
        add({
          kind: need > 0 && run.start >= previous.end - EPS ? 'setup' : 'overlap',
          message: `${first.jobId}/${first.operationId} (setup from ${busyFrom}) overlaps ${p.jobId}/${p.operationId} ending ${previous.end} on ${machineId}`,
          ...where,
        });
      }
      if (busyFrom < -EPS) {
        add({
          kind: 'setup',
          message: `${first.jobId}/${first.operationId}: setup starts before t=0`,
          ...where,
        });
      }
      for (const w of downtimes) {
        if (w.end > w.start && busyFrom < w.end - EPS && run.end > w.start + EPS) {
          add({
            kind: 'downtime',
            message: `${first.jobId}/${first.operationId} [${busyFrom}, ${run.end}) overlaps downtime [${w.start}, ${w.end}) on ${machineId}`,
            ...where,
          });
        }
      }
      previous = run;
    }
  }

  // metrics
  let makespan = 0;
  let weightedTardiness = 0;
  let totalTardiness = 0;
  let lateJobs = 0;
  for (const job of instance.jobs) {
    let completion = 0;
    for (const op of job.operations) {
      const s = placed.get(`${job.id}\u0000${op.id}`);
      if (s) completion = Math.max(completion, s.end);
    }
    makespan = Math.max(makespan, completion);
    if (job.dueDate !== undefined && completion > job.dueDate + EPS) {
      const late = completion - job.dueDate;
      totalTardiness += late;
      weightedTardiness += (job.weight ?? 1) * late;
      lateJobs++;
    }
  }
  let setupTime = 0;
  const countedBatches = new Set<string>();
  for (const s of placed.values()) {
    if (s.batchId !== undefined) {
      const key = `${s.machineId}\u0000${s.batchId}`;
      if (countedBatches.has(key)) continue;
      countedBatches.add(key);
    }
    setupTime += s.setupTime;
  }
  return {
    feasible: violations.length === 0,
    violations,
    metrics: { makespan, weightedTardiness, totalTardiness, lateJobs, setupTime },
  };
}
