import type { TPlanKpis } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { checkSchedule, type Violation } from '../scheduling/check-schedule.ts';
import { explainLateness } from '../scheduling/explain-lateness.ts';
import type { Operation, ScheduledOperation, SchedulingInstance } from '../scheduling/model.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { gatherPlanningProblem, type TPlanningProblem } from './gather-planning-problem.ts';
import { MINUTE_MS } from './planning-rules.ts';
import { findPlanVersion, type TPlanningScope } from './planning-scope.ts';
import { retimeSchedule } from './retime-schedule.ts';
import { saveDraftPlan, type TSavedPlan } from './save-draft-plan.ts';
import { planKpis } from './solve-planning-problem.ts';

export interface TPlanEditResult extends TSavedPlan {
  /** The edited operation as placed in the new draft. */
  operation: { operationId: string; equipmentId: string; start: Date; end: Date; locked: boolean };
  kpis: TPlanKpis;
}

type TEdit =
  | { kind: 'move'; operationId: string; equipmentId: string; start: Date; lock: boolean }
  | { kind: 'lock'; operationId: string; locked: boolean };

/**
 * Moves an operation to another eligible equipment and start (locked there unless `lock` is false). The result
 * is a new draft version: every machine keeps its order from the edited version, the rest of the plan is
 * re-timed around the moved operation (see retimeSchedule), and the independent checker must accept it.
 * Refused with BAD_REQUEST (naming the field) when the equipment is not eligible, the start is in the past or the
 * operation is running or done; with CONFLICT when the plan would break a rule (overlap with a fixed operation
 * or a downtime, a predecessor that cannot finish in time, a furnace charge over capacity...).
 */
export async function moveOperation(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { planVersionId: string; operationId: string; equipmentId: string; start: Date; lock?: boolean },
): Promise<TPlanEditResult> {
  return editPlan(tx, scope, input.planVersionId, {
    kind: 'move',
    operationId: input.operationId,
    equipmentId: input.equipmentId,
    start: input.start,
    lock: input.lock ?? true,
  });
}

/** Locks an operation where the version has it (machine and start) or unlocks it; a new draft version. */
export async function lockOperation(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { planVersionId: string; operationId: string; locked: boolean },
): Promise<TPlanEditResult> {
  return editPlan(tx, scope, input.planVersionId, {
    kind: 'lock',
    operationId: input.operationId,
    locked: input.locked,
  });
}

async function editPlan(
  tx: TenantTx,
  scope: TPlanningScope,
  planVersionId: string,
  edit: TEdit,
): Promise<TPlanEditResult> {
  const base = await findPlanVersion(tx, scope, planVersionId);
  if (base.status === 'superseded') {
    throw new DomainError(
      'CONFLICT',
      `plan version ${base.version} was superseded; edit the current plan`,
      'planVersionId',
    );
  }
  const op = await tx.workOrderOperation.findFirst({
    where: { id: edit.operationId, ...tenantFilter(scope), workOrder: { plantId: base.plantId } },
    select: { id: true, seq: true, status: true, workOrder: { select: { workOrderNo: true } } },
  });
  if (!op) throw DomainError.notFound('operation', 'operationId');
  const label = `${op.workOrder.workOrderNo} operation ${op.seq}`;
  if (op.status !== 'pending') {
    throw new DomainError(
      'BAD_REQUEST',
      `${label} is ${op.status.replace('_', ' ')} and can no longer be moved or locked`,
      'operationId',
    );
  }
  const problem = await gatherPlanningProblem(tx, scope, { plantId: base.plantId });
  const baseRows = await tx.planAssignment.findMany({
    where: { ...tenantFilter(scope), planId: base.id },
    select: { operationId: true, equipmentId: true, start: true, end: true, setupMinutes: true },
  });
  const originMs = Date.parse(problem.origin);
  const toMin = (d: Date) => Math.round((d.getTime() - originMs) / MINUTE_MS);
  const previous: ScheduledOperation[] = [];
  for (const r of baseRows) {
    const info = problem.operations[r.operationId];
    if (!info) continue;
    previous.push({
      jobId: info.workOrderId,
      operationId: r.operationId,
      machineId: r.equipmentId,
      start: toMin(r.start),
      end: toMin(r.end),
      setupTime: r.setupMinutes,
    });
  }
  const target = problem.operations[edit.operationId];
  const job = target ? problem.instance.jobs.find((j) => j.id === target.workOrderId) : undefined;
  const targetOp = job?.operations.find((o) => o.id === edit.operationId);
  if (!target || !targetOp)
    throw new DomainError('BAD_REQUEST', `${label} cannot be planned in this plant`, 'operationId');

  let lock: Operation['lock'] | undefined;
  let locked: boolean;
  if (edit.kind === 'move') {
    const option = targetOp.options.find((o) => o.machineId === edit.equipmentId);
    if (!option) {
      throw new DomainError(
        'BAD_REQUEST',
        `the equipment is not eligible for ${label} (its routing step does not list it)`,
        'equipmentId',
      );
    }
    const start = toMin(edit.start);
    if (start < 0)
      throw new DomainError('BAD_REQUEST', 'an operation cannot be moved into the past', 'start');
    lock = { machineId: edit.equipmentId, start };
    locked = edit.lock;
  } else {
    locked = edit.locked;
    const here = previous.find((p) => p.operationId === edit.operationId);
    if (edit.locked) {
      if (!here) throw new DomainError('BAD_REQUEST', `${label} is not in this plan version`, 'operationId');
      if (here.start < 0)
        throw new DomainError(
          'BAD_REQUEST',
          `${label} was planned to start in the past; move it instead`,
          'operationId',
        );
      // Pinned where the plan puts it now: the rest is retimed from the present, so the start the version once
      // stored may no longer fit behind its (re-timed) predecessors.
      const current = retimeSchedule(problem.instance, { operations: previous }).schedule?.operations.find(
        (p) => p.operationId === edit.operationId,
      );
      lock = { machineId: here.machineId, start: current?.start ?? here.start };
    }
  }
  // The edited instance: the target fixed (move, lock) or free (unlock), and out of the frozen horizon.
  const instance: SchedulingInstance = {
    ...problem.instance,
    jobs: problem.instance.jobs.map((j) =>
      j.id !== target.workOrderId
        ? j
        : {
            ...j,
            operations: j.operations.map((o) => {
              if (o.id !== edit.operationId) return o;
              const { lock: _old, ...rest } = o;
              return lock ? { ...rest, lock } : rest;
            }),
          },
    ),
    ...(problem.instance.frozen
      ? {
          frozen: {
            ...problem.instance.frozen,
            plan: {
              operations: problem.instance.frozen.plan.operations.filter(
                (p) => p.operationId !== edit.operationId,
              ),
            },
          },
        }
      : {}),
  };
  const retimed = retimeSchedule(instance, { operations: previous });
  if (!retimed.schedule) {
    throw new DomainError(
      'CONFLICT',
      `moving ${label} there contradicts the route order of the plan`,
      'start',
    );
  }
  const check = checkSchedule(instance, retimed.schedule);
  if (!check.feasible || retimed.lockViolation > 0) {
    const reasons = [...new Set(check.violations.map((v) => describe(problem, v)))].slice(0, 3);
    if (retimed.lockViolation > 0 && reasons.length === 0) {
      reasons.push(`a predecessor of ${label} cannot finish before that start`);
    }
    throw new DomainError(
      'CONFLICT',
      `the edit would make the plan infeasible: ${reasons.join('; ')}`,
      edit.kind === 'move' ? 'start' : 'operationId',
    );
  }
  await tx.workOrderOperation.update({ where: { id: op.id, ...tenantFilter(scope) }, data: { locked } });
  const edited: TPlanningProblem = {
    ...problem,
    instance,
    operations: {
      ...problem.operations,
      [edit.operationId]: {
        ...target,
        fixing: locked ? (lock?.start !== undefined ? 'locked' : 'locked_machine') : 'free',
      },
    },
  };
  const kpis = planKpis(edited, instance, retimed.schedule, check);
  const saved = await saveDraftPlan(tx, scope, {
    problem: edited,
    solution: {
      schedule: retimed.schedule,
      explanations: explainLateness(instance, retimed.schedule),
      kpis,
      solver: {
        seed: 0,
        timeLimitMs: 0,
        iterations: 0,
        elapsedMs: 0,
        method: 'retime',
        stopped: false,
        objective: 0,
        lockViolation: 0,
        fixedOperations: 0,
      },
      warnings: problem.warnings,
    },
    trigger: 'edit',
    note: {
      editedFromVersionId: base.id,
      edit: edit.kind === 'move' ? 'move' : locked ? 'lock' : 'unlock',
      operationId: edit.operationId,
    },
  });
  const placed = retimed.schedule.operations.find(
    (s) => s.operationId === edit.operationId,
  ) as ScheduledOperation;
  return {
    ...saved,
    kpis,
    operation: {
      operationId: edit.operationId,
      equipmentId: placed.machineId,
      start: new Date(originMs + placed.start * MINUTE_MS),
      end: new Date(originMs + placed.end * MINUTE_MS),
      locked,
    },
  };
}

/** A checker violation in the planner's words: work-order numbers and equipment codes, never ids or model minutes. */
function describe(problem: TPlanningProblem, v: Violation): string {
  const op = v.operationId ? problem.operations[v.operationId] : undefined;
  const wo = op
    ? problem.workOrders[op.workOrderId]?.workOrderNo
    : v.jobId
      ? problem.workOrders[v.jobId]?.workOrderNo
      : undefined;
  const what = op ? `${wo ?? '?'} operation ${op.seq} (${op.operationCode})` : (wo ?? 'an operation');
  const eq = v.machineId ? (problem.equipment[v.machineId]?.code ?? 'the equipment') : 'the equipment';
  switch (v.kind) {
    case 'release':
      return `${what} would start before its material is released`;
    case 'precedence':
      return `${what} would start before its previous operation ends`;
    case 'overlap':
      return `${what} would overlap other work on ${eq}`;
    case 'setup':
      return `there is not enough changeover time on ${eq} around ${what}`;
    case 'downtime':
      return `${what} would run into a downtime or off-shift time of ${eq}`;
    case 'lock':
    case 'frozen':
      return `${what} is locked or inside the frozen horizon and would have to move`;
    case 'batch-capacity':
      return `the furnace charge with ${what} would exceed the capacity of ${eq}`;
    case 'batch-recipe':
      return `the furnace charge with ${what} would mix recipes on ${eq}`;
    case 'batch-sync':
    case 'batch-machine':
      return `${what} would not fit a furnace charge on ${eq}`;
    case 'ineligible-machine':
      return `${eq} is not eligible for ${what}`;
    default:
      return `${what}: ${v.kind}`;
  }
}
