import type { TStartOperationInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { findEquipmentInScope } from '../equipment/find-equipment-in-scope.ts';
import { DomainError } from '../errors/domain-error.ts';
import { findLotsInScope } from '../lot/find-lot-in-scope.ts';
import { lotInclude, type TLotDto } from '../lot/lot-dto.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { advanceOrderFromShopFloor } from './advance-order.ts';
import { findOperationInScope, type TScopedOperation } from './find-operation-in-scope.ts';
import { previousOperation } from './operation-lots.ts';
import { publishedPlanOf } from './published-plan.ts';
import { BATCH_EQUIPMENT_CLASSES } from './shop-floor-rules.ts';
import { checkInputLots, takeInputLots } from './take-input-lots.ts';

export interface TStartOperationResult {
  operationId: string;
  workOrderId: string;
  workOrderNo: string;
  orderId: string;
  orderNo: string;
  plantId: string;
  equipmentId: string;
  actualStart: Date;
  inputLots: TLotDto[];
  /** The work order went to in_progress with this start (its first operation). */
  workOrderStarted: boolean;
  /** The sales order moved to in_production with this start (orderLifecycle gets `operation_started` either way). */
  orderAdvanced: boolean;
  orderStatus: string;
  /** Started while the previous operation was still running, as the published plan allows (see README). */
  overlapped: boolean;
}

/**
 * May this operation start now, given the one before it in the work order? It may when that one is done. It may
 * also overlap a running predecessor — only when (1) the published plan itself schedules this operation to start
 * before the predecessor's planned end (the planner or solver chose the overlap: transfer batches of a
 * multi-coil work order), and (2) the predecessor has already reported good output, so there is material to take.
 * Anything else is refused with CONFLICT on `operationId`, naming the predecessor and its status.
 */
async function checkPredecessor(
  tx: TenantTx,
  ctx: TTenantContext,
  op: TScopedOperation,
): Promise<{ overlapped: boolean; previousId: string | null }> {
  const prev = await previousOperation(tx, ctx, op);
  if (!prev || prev.status === 'done') return { overlapped: false, previousId: prev?.id ?? null };
  const name = `the previous operation of work order ${op.workOrder.workOrderNo} (seq ${prev.seq}, ${prev.operationCode})`;
  if (prev.status === 'in_progress') {
    const plan = await publishedPlanOf(tx, ctx, op.workOrder.plantId);
    const planned = plan
      ? await tx.planAssignment.findMany({
          where: { ...tenantFilter(ctx), planId: plan.id, operationId: { in: [op.id, prev.id] } },
          select: { operationId: true, start: true, end: true },
        })
      : [];
    const mine = planned.find((a) => a.operationId === op.id);
    const theirs = planned.find((a) => a.operationId === prev.id);
    const planOverlaps = !!mine && !!theirs && mine.start < theirs.end;
    if (planOverlaps && prev.goodT > 0) return { overlapped: true, previousId: prev.id };
    const why = !planOverlaps
      ? 'the published plan does not overlap them'
      : 'it has reported no good output yet';
    throw new DomainError('CONFLICT', `${name} is still in progress and ${why}`, 'operationId', {
      reason: 'predecessor_not_done',
    });
  }
  throw new DomainError('CONFLICT', `${name} is ${prev.status}; it must be done first`, 'operationId', {
    reason: 'predecessor_not_done',
  });
}

/**
 * Starts an operation at a machine: status in_progress, actual start, the machine; the input lots go in_process
 * (and to the machine's location). With no lots given, a follow-on operation takes the available output lots of
 * the operation before it; a first operation may start without input lots (casting makes its own).
 *
 * Refused: an operation not pending; a cancelled or completed work order; a machine of another plant, not eligible
 * for the routing step, down, or busy with another operation (furnaces excepted: they run charges); a predecessor
 * not done (see checkPredecessor); input lots that are not usable or of another alloy than the order's.
 *
 * The work order goes to in_progress with its first start, and the sales order to in_production.
 */
export async function startOperation(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TStartOperationInput,
): Promise<TStartOperationResult> {
  const op = await findOperationInScope(tx, ctx, input.operationId);
  const equipment = await findEquipmentInScope(tx, ctx, input.equipmentId, 'equipmentId');
  const wo = op.workOrder;
  if (op.status !== 'pending') {
    throw new DomainError(
      'CONFLICT',
      `operation seq ${op.seq} (${op.operationCode}) is already ${op.status}`,
      'operationId',
      { reason: 'operation_not_startable' },
    );
  }
  if (wo.status === 'cancelled' || wo.status === 'completed') {
    throw new DomainError('CONFLICT', `work order ${wo.workOrderNo} is ${wo.status}`, 'operationId', {
      reason: 'operation_not_startable',
    });
  }
  if (equipment.plantId !== wo.plantId) {
    throw new DomainError(
      'BAD_REQUEST',
      `${equipment.code} is in another plant than work order ${wo.workOrderNo}`,
      'equipmentId',
      { reason: 'plant_mismatch' },
    );
  }
  const eligible = await tx.routingStepEquipment.findMany({
    where: { ...tenantFilter(ctx), stepId: op.stepId },
    select: { equipmentId: true, equipment: { select: { code: true } } },
  });
  if (eligible.length > 0 && !eligible.some((e) => e.equipmentId === equipment.id)) {
    throw new DomainError(
      'BAD_REQUEST',
      `${equipment.code} is not eligible for ${op.operationCode}; eligible: ${eligible
        .map((e) => e.equipment.code)
        .sort()
        .join(', ')}`,
      'equipmentId',
      { reason: 'equipment_not_eligible' },
    );
  }
  const down = await tx.equipmentDowntime.findFirst({
    where: { ...tenantFilter(ctx), equipmentId: equipment.id, end: null, start: { lte: new Date() } },
    select: { start: true, reason: true },
  });
  if (down) {
    throw new DomainError(
      'CONFLICT',
      `${equipment.code} is down since ${down.start.toISOString()} (${down.reason})`,
      'equipmentId',
      { reason: 'equipment_down' },
    );
  }
  if (!BATCH_EQUIPMENT_CLASSES.has(equipment.class)) {
    const busy = await tx.workOrderOperation.findFirst({
      where: { ...tenantFilter(ctx), status: 'in_progress', actualEquipmentId: equipment.id },
      select: { seq: true, operationCode: true, workOrder: { select: { workOrderNo: true } } },
    });
    if (busy) {
      throw new DomainError(
        'CONFLICT',
        `${equipment.code} is running ${busy.workOrder.workOrderNo} seq ${busy.seq} (${busy.operationCode}); finish it first`,
        'equipmentId',
        { reason: 'equipment_busy' },
      );
    }
  }
  const { overlapped, previousId } = await checkPredecessor(tx, ctx, op);

  let lots = await findLotsInScope(tx, ctx, input.inputLotIds, 'inputLotIds');
  if (lots.length === 0 && previousId) {
    lots = await tx.materialLot.findMany({
      where: { ...tenantFilter(ctx), operationId: previousId, status: { in: ['available', 'released'] } },
      include: lotInclude,
      orderBy: { lotNo: 'asc' },
    });
  }
  const fieldOf = (i: number) => (input.inputLotIds.length > 0 ? `inputLotIds.${i}` : 'inputLotIds');
  checkInputLots(op, lots, fieldOf);

  const now = new Date();
  const claimed = await tx.workOrderOperation.updateMany({
    where: { id: op.id, status: 'pending', ...tenantFilter(ctx) },
    data: { status: 'in_progress', actualStart: now, actualEquipmentId: equipment.id },
  });
  if (claimed.count !== 1) {
    throw new DomainError(
      'CONFLICT',
      `operation seq ${op.seq} was started by someone else meanwhile`,
      'operationId',
      { reason: 'operation_not_startable' },
    );
  }
  await tx.operationReport.create({
    data: {
      tenantId: ctx.tenantId,
      operationId: op.id,
      kind: 'start',
      at: now,
      equipmentId: equipment.id,
      note: input.note,
      actorUserId: ctx.userId,
    },
  });
  const inputLots = await takeInputLots(tx, ctx, op, equipment, lots, now, fieldOf);
  const workOrderStarted = wo.status === 'created' || wo.status === 'released';
  if (workOrderStarted) {
    await tx.workOrder.update({
      where: { id: wo.id, ...tenantFilter(ctx) },
      data: { status: 'in_progress' },
    });
  }
  const order = wo.orderLine.order;
  const advanced = await advanceOrderFromShopFloor(
    tx,
    ctx,
    order.id,
    'in_production',
    `work order ${wo.workOrderNo} started ${op.operationCode} on ${equipment.code}`,
  );
  await recordAuditEvent(tx, ctx, {
    action: 'operation.start',
    targetType: 'work_order_operation',
    targetId: op.id,
    details: {
      workOrderNo: wo.workOrderNo,
      seq: op.seq,
      operationCode: op.operationCode,
      equipment: equipment.code,
      inputLots: inputLots.map((l) => l.lotNo),
      overlapped,
      orderStatus: advanced ? advanced.toStatus : order.status,
    },
  });
  return {
    operationId: op.id,
    workOrderId: wo.id,
    workOrderNo: wo.workOrderNo,
    orderId: order.id,
    orderNo: order.orderNo,
    plantId: wo.plantId,
    equipmentId: equipment.id,
    actualStart: now,
    inputLots,
    workOrderStarted,
    orderAdvanced: advanced !== null,
    orderStatus: advanced ? advanced.toStatus : order.status,
    overlapped,
  };
}
