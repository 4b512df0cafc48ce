import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type {
  Job,
  Machine,
  Operation,
  OperationOption,
  ScheduledOperation,
  SchedulingInstance,
  TimeWindow,
} from '../scheduling/model.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import {
  alloySeries,
  BATCH_CLASSES,
  buildRecipeMatrix,
  buildSetupMatrix,
  clipWindows,
  DEFAULT_DENSITY,
  MINUTE_MS,
  numericAttribute,
  OPEN_DOWNTIME_ASSUMED_MIN,
  operationMinutes,
  setupFamily,
  setupKindOf,
  shiftDowntimes,
  shiftPatternOf,
  type TRateUnit,
} from './planning-rules.ts';
import { findPlanningPlant, type TPlanningScope } from './planning-scope.ts';

/** What the planning problem knows of each operation (ids in the instance are the database ids). */
export interface TProblemOperation {
  workOrderId: string;
  seq: number;
  operationCode: string;
  status: 'pending' | 'in_progress';
  /** How it entered the model: free, planner-locked (machine, maybe start), frozen by the horizon, running. */
  fixing: 'free' | 'locked' | 'locked_machine' | 'frozen' | 'running';
}

export interface TProblemWorkOrder {
  workOrderNo: string;
  orderId: string;
  orderNo: string;
  lineId: string;
  lineNo: number;
  dueDate: string;
  releaseDate: string;
  weight: number;
}

export interface TProblemEquipment {
  code: string;
  name: string;
  class: string;
}

/**
 * A plant's open work orders as a scheduling instance, plus what is needed to map the solver's answer back
 * (plain JSON: it crosses activity and thread boundaries). Model time is minutes from `origin`.
 */
export interface TPlanningProblem {
  plantId: string;
  plantCode: string;
  timezone: string;
  origin: string;
  frozenUntil: string;
  horizonMin: number;
  /** The published plan the frozen horizon and locks came from (null: none yet). */
  basePlanVersionId: string | null;
  instance: SchedulingInstance;
  operations: Record<string, TProblemOperation>;
  workOrders: Record<string, TProblemWorkOrder>;
  equipment: Record<string, TProblemEquipment>;
  /** Work orders left out and why (no eligible equipment in this plant, missing data). */
  warnings: string[];
}

export interface TGatherOptions {
  plantId: string;
  /** The plan's time origin (default now, floored to the minute). */
  now?: Date;
  /** Operations of the base plan starting within this many minutes keep machine and start (default 240). */
  frozenMinutes?: number;
  /** Only these work orders (capable-to-promise plans an order's work orders against the current plan). */
  onlyWorkOrderIds?: readonly string[];
}

const OPEN_WORK_ORDER = ['created', 'released', 'in_progress'] as const;
const CLOSED_ORDER = ['cancelled', 'shipped'] as const;
const MIN_HORIZON_MIN = 60 * 1440;
const MAX_HORIZON_MIN = 400 * 1440;

/**
 * Gathers a plant's open work orders into the solver model:
 * - jobs = work orders (created, released or in progress) of orders not cancelled or shipped; their operations
 *   not yet done, in route order;
 * - options = the routing step's eligible equipment of this plant with durations from the step's rate
 *   (see `operationMinutes`), batch data for furnaces (recipe = step recipe or operation code, load = input
 *   tonnes, capacity = equipment attribute `batchCapacityT`);
 * - setup families and per-equipment matrices (see planning-rules.ts);
 * - calendars = shift pattern + EquipmentDowntime rows (an open one assumed to last OPEN_DOWNTIME_ASSUMED_MIN);
 * - release / due dates from the work order, weight = the sales order's priority;
 * - an operation in progress is fixed at t = 0 on its machine for its remaining time (locked to its machine only
 *   when that machine is down now); a planner-locked operation keeps the machine and start of its newest locked
 *   assignment (the machine only when that start has passed); operations of the published plan starting
 *   before the frozen horizon keep machine and start, unless a predecessor is not fixed before them or their
 *   machine has a downtime in the way.
 */
export async function gatherPlanningProblem(
  tx: TenantTx,
  scope: TPlanningScope,
  options: TGatherOptions,
): Promise<TPlanningProblem> {
  const plant = await findPlanningPlant(tx, scope, options.plantId);
  const nowMs = Math.floor((options.now ?? new Date()).getTime() / MINUTE_MS) * MINUTE_MS;
  const origin = new Date(nowMs);
  const frozenMinutes = options.frozenMinutes ?? 240;
  const toMin = (d: Date) => Math.round((d.getTime() - nowMs) / MINUTE_MS);
  const warnings: string[] = [];

  const workOrders = await tx.workOrder.findMany({
    where: {
      ...tenantFilter(scope),
      plantId: plant.id,
      status: { in: [...OPEN_WORK_ORDER] },
      orderLine: { order: { status: { notIn: [...CLOSED_ORDER] } } },
      ...(options.onlyWorkOrderIds ? { id: { in: [...options.onlyWorkOrderIds] } } : {}),
    },
    orderBy: { workOrderNo: 'asc' },
    include: {
      orderLine: {
        select: {
          id: true,
          lineNo: true,
          order: { select: { id: true, orderNo: true, priority: true } },
          spec: {
            select: {
              code: true,
              widthMm: true,
              thicknessMm: true,
              alloy: { select: { code: true, family: true, density: true } },
            },
          },
        },
      },
      operations: {
        where: { status: { in: ['pending', 'in_progress'] } },
        orderBy: { seq: 'asc' },
        include: {
          step: {
            select: {
              recipe: true,
              operationCode: true,
              equipment: {
                select: { equipmentId: true, rate: true, rateUnit: true, fixedMinutes: true },
              },
            },
          },
        },
      },
    },
  });

  const equipmentRows = await tx.equipment.findMany({
    where: { ...tenantFilter(scope), plantId: plant.id },
    select: { id: true, code: true, name: true, class: true, attributes: true },
    orderBy: { code: 'asc' },
  });
  const equipmentById = new Map(equipmentRows.map((e) => [e.id, e]));

  // The published plan: frozen horizon and where planner locks were placed.
  const published = await tx.planVersion.findFirst({
    where: { ...tenantFilter(scope), plantId: plant.id, status: 'published' },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
  const allOpIds = workOrders.flatMap((w) => w.operations.map((o) => o.id));
  const publishedAssignments = published
    ? await tx.planAssignment.findMany({
        where: { ...tenantFilter(scope), planId: published.id, operationId: { in: allOpIds } },
        select: {
          operationId: true,
          equipmentId: true,
          start: true,
          end: true,
          setupMinutes: true,
          batchKey: true,
        },
      })
    : [];
  const publishedByOp = new Map(publishedAssignments.map((a) => [a.operationId, a]));
  const lockedIds = workOrders.flatMap((w) => w.operations.filter((o) => o.locked).map((o) => o.id));
  const lockRows = lockedIds.length
    ? await tx.planAssignment.findMany({
        where: { ...tenantFilter(scope), operationId: { in: lockedIds }, locked: true },
        select: { operationId: true, equipmentId: true, start: true, plan: { select: { version: true } } },
      })
    : [];
  const lockByOp = new Map<string, { equipmentId: string; start: Date; version: number }>();
  for (const r of lockRows) {
    const prev = lockByOp.get(r.operationId);
    if (!prev || r.plan.version > prev.version) {
      lockByOp.set(r.operationId, { equipmentId: r.equipmentId, start: r.start, version: r.plan.version });
    }
  }

  let latestDue = 0;
  for (const w of workOrders) latestDue = Math.max(latestDue, toMin(w.dueDate));
  const horizonMin = Math.min(MAX_HORIZON_MIN, Math.max(MIN_HORIZON_MIN, latestDue + 60 * 1440));

  const downtimeRows = await tx.equipmentDowntime.findMany({
    where: {
      ...tenantFilter(scope),
      equipmentId: { in: equipmentRows.map((e) => e.id) },
      start: { lt: new Date(nowMs + horizonMin * MINUTE_MS) },
      OR: [{ end: null }, { end: { gt: origin } }],
    },
    select: { equipmentId: true, start: true, end: true },
  });
  const downByMachine = new Map<string, TimeWindow[]>();
  for (const d of downtimeRows) {
    // Rounded outwards to whole minutes (start down, end up): rounding to the nearest minute could end the window
    // up to 30 s before the machine is back, and an operation planned at its end would start on a machine still down.
    const sinceNow = d.start.getTime() - nowMs;
    const start = Math.floor(sinceNow / MINUTE_MS);
    const end = d.end
      ? Math.ceil((d.end.getTime() - nowMs) / MINUTE_MS)
      : Math.ceil(Math.max(sinceNow, 0) / MINUTE_MS) + OPEN_DOWNTIME_ASSUMED_MIN;
    const list = downByMachine.get(d.equipmentId) ?? [];
    list.push({ start, end });
    downByMachine.set(d.equipmentId, list);
  }
  const isDownAt = (machineId: string, from: number, to: number) =>
    (downByMachine.get(machineId) ?? []).some((w) => w.start < to && w.end > from);

  const jobs: Job[] = [];
  const opsInfo: Record<string, TProblemOperation> = {};
  const woInfo: Record<string, TProblemWorkOrder> = {};
  const familiesByMachine = new Map<string, Set<string>>();
  const recipesByMachine = new Map<string, Set<string>>();
  const loadsByMachine = new Map<string, number[]>();
  const usedMachines = new Set<string>();
  const frozenPlan: ScheduledOperation[] = [];

  for (const wo of workOrders) {
    if (wo.operations.length === 0) continue;
    const spec = wo.orderLine.spec;
    const metal = spec.alloy.family;
    const geometry = {
      widthMm: spec.widthMm,
      thicknessMm: spec.thicknessMm,
      density: spec.alloy.density ?? DEFAULT_DENSITY[metal],
    };
    const facts = {
      series: alloySeries(spec.alloy.code, metal),
      alloyCode: spec.alloy.code,
      widthMm: spec.widthMm,
      thicknessMm: spec.thicknessMm,
      specCode: spec.code,
    };
    const ops: Operation[] = [];
    let skip: string | null = null;
    // Earliest end of the previous operation when it is fixed (null: it floats, so nothing after it may freeze).
    // A work order already running has been released, whatever its date says.
    const release = wo.operations.some((o) => o.status === 'in_progress')
      ? 0
      : Math.max(0, toMin(wo.releaseDate));
    let prevFixedEnd: number | null = release;
    for (const op of wo.operations) {
      const options: OperationOption[] = [];
      let family: string | undefined;
      let batch: Operation['batch'];
      for (const se of op.step.equipment) {
        const eq = equipmentById.get(se.equipmentId);
        if (!eq) continue; // equipment of another plant
        // Equipment narrower than the product cannot run it (attribute maxStripWidthMm, as the demo plants give it).
        const maxWidth = numericAttribute(eq.attributes, 'maxStripWidthMm', 'maxWidthMm');
        if (maxWidth !== null && spec.widthMm !== null && spec.widthMm > maxWidth) continue;
        const minutes = operationMinutes(
          se.rateUnit as TRateUnit,
          se.rate,
          se.fixedMinutes,
          op.inputT,
          geometry,
        );
        if (BATCH_CLASSES.has(eq.class) && se.rateUnit === 'h_per_batch') {
          const recipe = op.step.recipe ?? op.step.operationCode;
          batch = { recipe, load: op.inputT };
          const cap = numericAttribute(eq.attributes, 'batchCapacityT', 'capacityT');
          if (cap !== null && op.inputT > cap) continue; // does not fit this furnace
          recipesByMachine.set(eq.id, (recipesByMachine.get(eq.id) ?? new Set()).add(recipe));
          loadsByMachine.set(eq.id, [...(loadsByMachine.get(eq.id) ?? []), op.inputT]);
        } else {
          const kind = setupKindOf(eq.class);
          const f = setupFamily(kind, facts);
          if (f !== undefined) {
            family ??= f;
            familiesByMachine.set(eq.id, (familiesByMachine.get(eq.id) ?? new Set()).add(f));
          }
        }
        options.push({ machineId: eq.id, duration: minutes });
      }
      if (options.length === 0) {
        skip = `work order ${wo.workOrderNo} operation ${op.seq} (${op.operationCode}): no eligible equipment of plant ${plant.code}`;
        break;
      }
      const operation: Operation & { lock?: { machineId?: string; start?: number } } = {
        id: op.id,
        options,
        ...(family !== undefined ? { family } : {}),
        ...(batch ? { batch } : {}),
      };
      let fixing: TProblemOperation['fixing'] = 'free';
      let fixedEnd: number | null = null;
      const planned = publishedByOp.get(op.id);
      if (op.status === 'in_progress') {
        const machineId =
          op.actualEquipmentId && equipmentById.has(op.actualEquipmentId)
            ? op.actualEquipmentId
            : (planned?.equipmentId ?? options[0]?.machineId);
        const full = options.find((o) => o.machineId === machineId)?.duration ?? options[0]?.duration ?? 1;
        const elapsed = op.actualStart ? Math.max(0, -toMin(op.actualStart)) : 0;
        const remaining = Math.max(1, full - elapsed);
        if (machineId && !options.some((o) => o.machineId === machineId))
          options.push({ machineId, duration: remaining });
        for (const o of options) if (o.machineId === machineId) o.duration = remaining;
        if (machineId && isDownAt(machineId, 0, remaining)) {
          operation.lock = { machineId };
          fixing = 'locked_machine';
        } else if (machineId) {
          operation.lock = { machineId, start: 0 };
          fixing = 'running';
          fixedEnd = remaining;
        }
      } else if (op.locked && lockByOp.has(op.id)) {
        const lock = lockByOp.get(op.id) as { equipmentId: string; start: Date };
        const option = options.find((o) => o.machineId === lock.equipmentId);
        if (option) {
          const start = toMin(lock.start);
          if (start >= 0 && !isDownAt(lock.equipmentId, start, start + option.duration)) {
            operation.lock = { machineId: lock.equipmentId, start };
            fixing = 'locked';
            fixedEnd = start + option.duration;
          } else {
            operation.lock = { machineId: lock.equipmentId };
            fixing = 'locked_machine';
          }
        } else {
          warnings.push(
            `work order ${wo.workOrderNo} operation ${op.seq}: locked on equipment that is no longer eligible; lock ignored`,
          );
        }
      } else if (planned && prevFixedEnd !== null) {
        const start = toMin(planned.start);
        const end = toMin(planned.end);
        const option = options.find((o) => o.machineId === planned.equipmentId);
        if (
          option &&
          start >= prevFixedEnd &&
          start < frozenMinutes &&
          !isDownAt(planned.equipmentId, start - planned.setupMinutes, Math.max(end, start + option.duration))
        ) {
          frozenPlan.push({
            jobId: wo.id,
            operationId: op.id,
            machineId: planned.equipmentId,
            start,
            end: start + option.duration,
            setupTime: planned.setupMinutes,
            ...(planned.batchKey ? { batchId: planned.batchKey } : {}),
          });
          fixing = 'frozen';
          fixedEnd = start + option.duration;
        }
      }
      prevFixedEnd = fixedEnd;
      for (const o of options) usedMachines.add(o.machineId);
      ops.push(operation);
      opsInfo[op.id] = {
        workOrderId: wo.id,
        seq: op.seq,
        operationCode: op.operationCode,
        status: op.status as 'pending' | 'in_progress',
        fixing,
      };
    }
    if (skip) {
      warnings.push(skip);
      for (const op of wo.operations) delete opsInfo[op.id];
      for (let i = frozenPlan.length - 1; i >= 0; i--)
        if (frozenPlan[i]?.jobId === wo.id) frozenPlan.splice(i, 1);
      continue;
    }
    jobs.push({
      id: wo.id,
      operations: ops,
      releaseDate: release,
      dueDate: toMin(wo.dueDate),
      weight: Math.max(1, wo.orderLine.order.priority),
    });
    woInfo[wo.id] = {
      workOrderNo: wo.workOrderNo,
      orderId: wo.orderLine.order.id,
      orderNo: wo.orderLine.order.orderNo,
      lineId: wo.orderLine.id,
      lineNo: wo.orderLine.lineNo,
      dueDate: wo.dueDate.toISOString(),
      releaseDate: wo.releaseDate.toISOString(),
      weight: Math.max(1, wo.orderLine.order.priority),
    };
  }

  const machines: Machine[] = [];
  const equipment: Record<string, TProblemEquipment> = {};
  for (const eq of equipmentRows) {
    if (!usedMachines.has(eq.id)) continue;
    equipment[eq.id] = { code: eq.code, name: eq.name, class: eq.class };
    const downtimes = clipWindows(
      [
        ...shiftDowntimes(shiftPatternOf(eq.class, eq.attributes), nowMs, horizonMin, plant.timezone),
        ...(downByMachine.get(eq.id) ?? []),
      ],
      horizonMin,
    );
    const machine: Machine & { batch?: { capacity: number } } = { id: eq.id, name: eq.code, downtimes };
    const recipes = recipesByMachine.get(eq.id);
    if (recipes) {
      const cap =
        numericAttribute(eq.attributes, 'batchCapacityT', 'capacityT') ??
        Math.max(...(loadsByMachine.get(eq.id) ?? [1]));
      machine.batch = { capacity: cap };
      const cooling = numericAttribute(eq.attributes, 'emptyFurnaceCoolingH');
      const setup = buildRecipeMatrix(recipes, cooling === null ? null : Math.round(cooling * 60));
      if (setup) machine.setup = setup;
    } else {
      const setup = buildSetupMatrix(setupKindOf(eq.class), familiesByMachine.get(eq.id) ?? []);
      if (setup) machine.setup = setup;
    }
    machines.push(machine);
  }
  // An operation on a batch machine needs batch data even where another option is an ordinary machine.
  for (const job of jobs) {
    for (const op of job.operations as Operation[]) {
      const onBatch = op.options.some((o) => machines.find((m) => m.id === o.machineId)?.batch);
      if (onBatch && !op.batch) (op as Operation).batch = { recipe: 'default', load: 0 };
    }
  }

  if (jobs.length === 0 && options.onlyWorkOrderIds) {
    throw new DomainError('BAD_REQUEST', 'none of the work orders can be planned in this plant', 'orderId');
  }
  const instance: SchedulingInstance = {
    name: `${plant.code}@${origin.toISOString()}`,
    machines,
    jobs,
    objective: { weightedTardiness: 1, setupTime: 0.2, makespan: 0.01 },
    ...(frozenPlan.length
      ? { frozen: { frozenUntil: frozenMinutes, plan: { operations: frozenPlan } } }
      : {}),
  };
  return {
    plantId: plant.id,
    plantCode: plant.code,
    timezone: plant.timezone,
    origin: origin.toISOString(),
    frozenUntil: new Date(nowMs + frozenMinutes * MINUTE_MS).toISOString(),
    horizonMin,
    basePlanVersionId: published?.id ?? null,
    instance,
    operations: opsInfo,
    workOrders: woInfo,
    equipment,
    warnings,
  };
}
