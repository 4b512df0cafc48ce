import type { TPlanKpis } from '@ingot/contracts';
import { type CheckResult, checkSchedule } from '../scheduling/check-schedule.ts';
import type { LatenessExplanation } from '../scheduling/explain-lateness.ts';
import type { Operation, Schedule, SchedulingInstance } from '../scheduling/model.ts';
import { type SolveOptions, solveSchedule } from '../scheduling/solve-schedule.ts';
import type { TPlanningProblem } from './gather-planning-problem.ts';

export interface TPlanSolution {
  schedule: Schedule;
  explanations: LatenessExplanation[];
  kpis: TPlanKpis;
  /** What the plan version records under `solver`. */
  solver: {
    seed: number;
    timeLimitMs: number;
    iterations: number;
    elapsedMs: number;
    method: string;
    stopped: boolean;
    objective: number;
    lockViolation: number;
    fixedOperations: number;
  };
  warnings: string[];
}

export type TPlanSolveOptions = Pick<
  SolveOptions,
  'timeLimitMs' | 'seed' | 'maxIterations' | 'shouldStop' | 'onProgress'
>;

/**
 * Solves a gathered problem and checks the answer with the independent checker. When planner locks cannot all
 * be kept (a predecessor cannot finish before a locked start), the locks whose start is violated are reduced to
 * their machine and the problem solved again — recorded in `warnings`; any other violation is a bug and throws.
 */
export function solvePlanningProblem(
  problem: TPlanningProblem,
  options: TPlanSolveOptions = {},
): TPlanSolution {
  const warnings = [...problem.warnings];
  let instance = problem.instance;
  let result = solveSchedule(instance, { timeLimitMs: 4_000, seed: 1, ...options });
  let check = checkSchedule(instance, result.schedule);
  if (!check.feasible && check.violations.every((v) => v.kind === 'lock' || v.kind === 'precedence')) {
    const broken = new Set(check.violations.map((v) => v.operationId).filter((id): id is string => !!id));
    // A precedence violation names the successor: its lock is the one to relax.
    instance = relaxLocks(instance, broken);
    for (const id of broken) {
      const info = problem.operations[id];
      const wo = info ? problem.workOrders[info.workOrderId] : undefined;
      warnings.push(
        `the locked start of work order ${wo?.workOrderNo ?? '?'} operation ${info?.seq ?? '?'} cannot be kept (its predecessor finishes later); kept its machine only`,
      );
    }
    result = solveSchedule(instance, { timeLimitMs: 4_000, seed: 1, ...options });
    check = checkSchedule(instance, result.schedule);
  }
  if (!check.feasible) {
    const first = check.violations.slice(0, 3).map((v) => v.message);
    throw new Error(`the solver returned an infeasible plan: ${first.join('; ')}`);
  }
  return {
    schedule: result.schedule,
    explanations: result.explanations,
    kpis: planKpis(problem, instance, result.schedule, check),
    solver: {
      seed: result.stats.seed,
      timeLimitMs: options.timeLimitMs ?? 4_000,
      iterations: result.stats.iterations,
      elapsedMs: Math.round(result.stats.elapsedMs),
      method: result.stats.method,
      stopped: result.stats.stopped,
      objective: result.objective.total,
      lockViolation: result.objective.lockViolation,
      fixedOperations: Object.values(problem.operations).filter((o) => o.fixing !== 'free').length,
    },
    warnings,
  };
}

function relaxLocks(instance: SchedulingInstance, opIds: Set<string>): SchedulingInstance {
  return {
    ...instance,
    jobs: instance.jobs.map((job) => ({
      ...job,
      operations: job.operations.map((op): Operation => {
        if (!opIds.has(op.id) || op.lock?.start === undefined) return op;
        const { lock, ...rest } = op;
        return lock?.machineId ? { ...rest, lock: { machineId: lock.machineId } } : rest;
      }),
    })),
    ...(instance.frozen
      ? {
          frozen: {
            ...instance.frozen,
            plan: { operations: instance.frozen.plan.operations.filter((p) => !opIds.has(p.operationId)) },
          },
        }
      : {}),
  };
}

/** KPIs of a checked schedule (minutes from the plan's origin). */
export function planKpis(
  problem: TPlanningProblem,
  instance: SchedulingInstance,
  schedule: Schedule,
  check: CheckResult = checkSchedule(instance, schedule),
): TPlanKpis {
  const makespan = check.metrics.makespan;
  const lateOrders = new Set<string>();
  let lateWorkOrders = 0;
  const completion = new Map<string, number>();
  for (const s of schedule.operations) completion.set(s.jobId, Math.max(completion.get(s.jobId) ?? 0, s.end));
  for (const job of instance.jobs) {
    const c = completion.get(job.id) ?? 0;
    if (job.dueDate !== undefined && c > job.dueDate) {
      lateWorkOrders++;
      const wo = problem.workOrders[job.id];
      if (wo) lateOrders.add(wo.orderId);
    }
  }
  // Busy time per machine within [0, makespan]: processing + setup, a furnace charge counted once.
  const busy = new Map<string, number>();
  const seenRuns = new Set<string>();
  for (const s of schedule.operations) {
    if (s.batchId !== undefined) {
      const key = `${s.machineId}|${s.batchId}`;
      if (seenRuns.has(key)) continue;
      seenRuns.add(key);
    }
    const from = Math.max(0, s.start - s.setupTime);
    const to = Math.min(makespan, s.end);
    busy.set(s.machineId, (busy.get(s.machineId) ?? 0) + Math.max(0, to - from));
  }
  let totalBusy = 0;
  let totalAvailable = 0;
  const byEquipment: Record<string, number> = {};
  for (const m of instance.machines) {
    let down = 0;
    for (const w of m.downtimes ?? []) down += Math.max(0, Math.min(w.end, makespan) - Math.max(w.start, 0));
    const available = Math.max(0, makespan - down);
    const b = busy.get(m.id) ?? 0;
    totalBusy += b;
    totalAvailable += available;
    const code = problem.equipment[m.id]?.code ?? m.id;
    byEquipment[code] = available > 0 ? round(b / available, 3) : 0;
  }
  return {
    makespanMin: Math.round(makespan),
    weightedTardinessMin: Math.round(check.metrics.weightedTardiness),
    lateOrders: lateOrders.size,
    lateWorkOrders,
    setupHours: round(check.metrics.setupTime / 60, 2),
    utilisation: totalAvailable > 0 ? round(totalBusy / totalAvailable, 3) : 0,
    utilisationByEquipment: byEquipment,
    operations: schedule.operations.length,
    workOrders: instance.jobs.length,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
