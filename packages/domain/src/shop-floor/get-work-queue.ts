import type { TLotKind, TWorkQueueInput } from '@ingot/contracts';
import { LOT_KINDS } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { findEquipmentInScope } from '../equipment/find-equipment-in-scope.ts';
import { lotInclude, type TLotDto, toLotDto } from '../lot/lot-dto.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { inputLotsOf } from './operation-lots.ts';
import { publishedPlanOf } from './published-plan.ts';
import { specSummary } from './shop-floor-rules.ts';

export interface TQueueItem {
  operationId: string;
  seq: number;
  operationCode: string;
  stepName: string;
  status: 'pending' | 'in_progress';
  workOrderId: string;
  workOrderNo: string;
  orderId: string;
  orderNo: string;
  customerName: string;
  dueDate: Date;
  spec: { code: string; summary: string; alloyCode: string; temperCode: string; productFamily: string };
  /** Tonnes planned into the operation, and reported so far. */
  inputT: number;
  goodT: number;
  scrapT: number;
  routingYield: number;
  /** The published plan's slot on this machine (null for an operation running here off-plan). */
  planned: { start: Date; end: Date; setupMinutes: number; locked: boolean; batchKey: string | null } | null;
  actualStart: Date | null;
  /** The operation before it in the work order, when it is not done yet (the start will wait for it). */
  waitingFor: { seq: number; operationCode: string; status: string } | null;
  /** Lots taken in (running operations). */
  inputLots: TLotDto[];
  /** Lots that fit a queued operation (the next 10 only): the previous operation's output, or for a first
   *  operation available lots of the order's alloy and the work order's input form, oldest first. */
  suggestedLots: TLotDto[];
}

export interface TWorkQueue {
  equipment: { id: string; code: string; name: string; class: string; plantId: string };
  plan: { id: string; version: number; publishedAt: Date | null } | null;
  /** The open downtime, when the machine is down. */
  down: { downtimeId: string; kind: string; since: Date; reason: string } | null;
  /** Running on this machine now. */
  inProgress: TQueueItem[];
  /** The published plan's next operations on this machine, in planned sequence. */
  queued: TQueueItem[];
}

/** Lot suggestions are worked out for the next few queued operations only (what the operator prepares). */
const SUGGEST_FOR_NEXT = 10;

const operationInclude = {
  step: { select: { name: true, yield: true } },
  workOrder: {
    select: {
      id: true,
      workOrderNo: true,
      plantId: true,
      dueDate: true,
      inputMaterial: true,
      orderLine: {
        select: {
          order: { select: { id: true, orderNo: true, customer: { select: { name: true } } } },
          spec: {
            select: {
              code: true,
              productFamily: true,
              alloyId: true,
              thicknessMm: true,
              widthMm: true,
              lengthMm: true,
              coilWeightKg: true,
              alloy: { select: { code: true } },
              temper: { select: { code: true } },
            },
          },
        },
      },
    },
  },
} as const;

function inputForm(json: unknown): TLotKind | null {
  if (!json || typeof json !== 'object') return null;
  const form = (json as Record<string, unknown>).form;
  return typeof form === 'string' && (LOT_KINDS as readonly string[]).includes(form)
    ? (form as TLotKind)
    : null;
}

/**
 * The operator's work queue of one machine: what runs on it now, and the published plan's next operations on it
 * in planned sequence (within `horizonHours`), each with the order, a spec summary, planned start/end and setup,
 * whether it waits for the operation before it, and the lots to take. Tenant and plant scope: a machine outside
 * them answers NOT_FOUND.
 */
export async function getWorkQueue(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TWorkQueueInput,
): Promise<TWorkQueue> {
  const equipment = await findEquipmentInScope(tx, ctx, input.equipmentId, 'equipmentId');
  const now = new Date();
  const [plan, down, running] = await Promise.all([
    publishedPlanOf(tx, ctx, equipment.plantId),
    tx.equipmentDowntime.findFirst({
      where: { ...tenantFilter(ctx), equipmentId: equipment.id, end: null, start: { lte: now } },
      orderBy: { start: 'desc' },
    }),
    tx.workOrderOperation.findMany({
      where: { ...tenantFilter(ctx), status: 'in_progress', actualEquipmentId: equipment.id },
      include: operationInclude,
      orderBy: { actualStart: 'asc' },
    }),
  ]);
  const assignments = plan
    ? await tx.planAssignment.findMany({
        where: {
          ...tenantFilter(ctx),
          planId: plan.id,
          equipmentId: equipment.id,
          start: { lte: new Date(now.getTime() + input.horizonHours * 3_600_000) },
          operation: { ...tenantFilter(ctx), status: 'pending' },
        },
        include: { operation: { include: operationInclude } },
        orderBy: [{ start: 'asc' }, { id: 'asc' }],
        take: 200,
      })
    : [];
  const runningPlan = plan
    ? await tx.planAssignment.findMany({
        where: { ...tenantFilter(ctx), planId: plan.id, operationId: { in: running.map((r) => r.id) } },
      })
    : [];

  const ops = [...running, ...assignments.map((a) => a.operation)];
  const taken = await inputLotsOf(
    tx,
    ctx,
    running.map((r) => r.id),
  );
  // Predecessors of queued operations (one query for all).
  const siblings = ops.length
    ? await tx.workOrderOperation.findMany({
        where: {
          ...tenantFilter(ctx),
          workOrderId: { in: [...new Set(ops.map((o) => o.workOrderId))] },
          status: { not: 'cancelled' },
        },
        select: { id: true, workOrderId: true, seq: true, operationCode: true, status: true },
      })
    : [];
  const previousOf = (op: { workOrderId: string; seq: number }) =>
    siblings
      .filter((s) => s.workOrderId === op.workOrderId && s.seq < op.seq)
      .sort((a, b) => b.seq - a.seq)[0] ?? null;

  const suggestionsFor = async (op: (typeof ops)[number]): Promise<TLotDto[]> => {
    const prev = previousOf(op);
    if (prev) {
      const lots = await tx.materialLot.findMany({
        where: { ...tenantFilter(ctx), operationId: prev.id, status: { in: ['available', 'released'] } },
        include: lotInclude,
        orderBy: { lotNo: 'asc' },
        take: 20,
      });
      return lots.map(toLotDto);
    }
    const form = inputForm(op.workOrder.inputMaterial);
    const lots = await tx.materialLot.findMany({
      where: {
        ...tenantFilter(ctx),
        AND: [plantScopeOnChild(ctx)],
        plantId: op.workOrder.plantId,
        status: { in: ['available', 'released'] },
        alloyId: op.workOrder.orderLine.spec.alloyId,
        ...(form ? { kind: form } : {}),
      },
      include: lotInclude,
      orderBy: { createdAt: 'asc' },
      take: 5,
    });
    return lots.map(toLotDto);
  };

  const toItem = async (
    op: (typeof ops)[number],
    suggest: boolean,
    slot: { start: Date; end: Date; setupMinutes: number; locked: boolean; batchKey: string | null } | null,
  ): Promise<TQueueItem> => {
    const line = op.workOrder.orderLine;
    const prev = previousOf(op);
    return {
      operationId: op.id,
      seq: op.seq,
      operationCode: op.operationCode,
      stepName: op.step.name,
      status: op.status === 'in_progress' ? 'in_progress' : 'pending',
      workOrderId: op.workOrder.id,
      workOrderNo: op.workOrder.workOrderNo,
      orderId: line.order.id,
      orderNo: line.order.orderNo,
      customerName: line.order.customer.name,
      dueDate: op.workOrder.dueDate,
      spec: {
        code: line.spec.code,
        summary: specSummary(line.spec),
        alloyCode: line.spec.alloy.code,
        temperCode: line.spec.temper.code,
        productFamily: line.spec.productFamily,
      },
      inputT: op.inputT,
      goodT: op.goodT,
      scrapT: op.scrapT,
      routingYield: op.step.yield,
      planned: slot,
      actualStart: op.actualStart,
      waitingFor:
        prev && prev.status !== 'done'
          ? { seq: prev.seq, operationCode: prev.operationCode, status: prev.status }
          : null,
      inputLots: (taken.get(op.id) ?? []).map(toLotDto),
      suggestedLots: suggest && op.status === 'pending' ? await suggestionsFor(op) : [],
    };
  };
  const slotOf = (a: {
    start: Date;
    end: Date;
    setupMinutes: number;
    locked: boolean;
    batchKey: string | null;
  }) => ({
    start: a.start,
    end: a.end,
    setupMinutes: a.setupMinutes,
    locked: a.locked,
    batchKey: a.batchKey,
  });

  const inProgress: TQueueItem[] = [];
  for (const op of running) {
    const a = runningPlan.find((p) => p.operationId === op.id);
    inProgress.push(await toItem(op, false, a ? slotOf(a) : null));
  }
  const queued: TQueueItem[] = [];
  for (const [i, a] of assignments.entries()) {
    queued.push(await toItem(a.operation, i < SUGGEST_FOR_NEXT, slotOf(a)));
  }
  return {
    equipment: {
      id: equipment.id,
      code: equipment.code,
      name: equipment.name,
      class: equipment.class,
      plantId: equipment.plantId,
    },
    plan: plan ? { id: plan.id, version: plan.version, publishedAt: plan.publishedAt } : null,
    down: down ? { downtimeId: down.id, kind: down.kind, since: down.start, reason: down.reason } : null,
    inProgress,
    queued,
  };
}
