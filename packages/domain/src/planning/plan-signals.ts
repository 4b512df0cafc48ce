import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { recordPlanningAudit, type TPlanningScope } from './planning-scope.ts';

/** Where a planning event happened: what the planning workflow of that plant needs to be signalled. */
export interface TPlanningTarget {
  plantId: string;
  plantCode: string;
}

async function findEquipment(tx: TenantTx, scope: TPlanningScope, equipmentId: string) {
  const eq = await tx.equipment.findFirst({
    where: { id: equipmentId, ...tenantFilter(scope), AND: [plantScopeOnChild(scope)] },
    select: {
      id: true,
      code: true,
      plantId: true,
      workCenter: { select: { area: { select: { plant: { select: { code: true } } } } } },
    },
  });
  if (!eq) throw DomainError.notFound('equipment', 'equipmentId');
  return { id: eq.id, code: eq.code, plantId: eq.plantId, plantCode: eq.workCenter.area.plant.code };
}

/**
 * Records a breakdown or planned maintenance (EquipmentDowntime): the one way, for operators at the machine and
 * planners on the board alike. `end` absent or null = down until further notice (the planner assumes
 * OPEN_DOWNTIME_ASSUMED_MIN until `endEquipmentDowntime`); a machine that already has an open-ended downtime
 * answers CONFLICT. Operations running on it stay in progress: the planner decides.
 */
export async function recordEquipmentDowntime(
  tx: TenantTx,
  scope: TPlanningScope,
  input: {
    equipmentId: string;
    kind: string;
    start?: Date | undefined;
    end?: Date | null | undefined;
    reason: string;
  },
): Promise<
  TPlanningTarget & {
    downtimeId: string;
    equipmentId: string;
    equipmentCode: string;
    kind: string;
    start: Date;
    end: Date | null;
    reason: string;
    /** Operations running on the machine when it went down. */
    affectedOperationIds: string[];
  }
> {
  const eq = await findEquipment(tx, scope, input.equipmentId);
  const start = input.start ?? new Date();
  const end = input.end ?? null;
  if (end && end <= start) throw new DomainError('BAD_REQUEST', 'end must be after start', 'end');
  if (end === null) {
    const open = await tx.equipmentDowntime.findFirst({
      where: { ...tenantFilter(scope), equipmentId: eq.id, end: null },
      select: { start: true },
    });
    if (open) {
      throw new DomainError(
        'CONFLICT',
        `${eq.code} is already down since ${open.start.toISOString()}`,
        'equipmentId',
        { reason: 'equipment_already_down' },
      );
    }
  }
  const row = await tx.equipmentDowntime.create({
    data: {
      tenantId: scope.tenantId,
      equipmentId: eq.id,
      kind: input.kind,
      start,
      end,
      reason: input.reason,
    },
    select: { id: true },
  });
  const running = await tx.workOrderOperation.findMany({
    where: { ...tenantFilter(scope), status: 'in_progress', actualEquipmentId: eq.id },
    select: { id: true },
  });
  await recordPlanningAudit(tx, scope, {
    action: 'equipment.down',
    targetType: 'equipment',
    targetId: eq.id,
    details: {
      code: eq.code,
      kind: input.kind,
      reason: input.reason,
      start: start.toISOString(),
      end: end?.toISOString() ?? null,
      downtimeId: row.id,
    },
  });
  return {
    downtimeId: row.id,
    equipmentId: eq.id,
    equipmentCode: eq.code,
    plantId: eq.plantId,
    plantCode: eq.plantCode,
    kind: input.kind,
    start,
    end,
    reason: input.reason,
    affectedOperationIds: running.map((r) => r.id),
  };
}

/**
 * "Back up": ends every downtime of the equipment that is open at `at` (default now). A machine that is not down
 * answers CONFLICT.
 */
export async function endEquipmentDowntime(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { equipmentId: string; at?: Date | undefined; note?: string | undefined },
): Promise<
  TPlanningTarget & {
    closed: number;
    /** The downtime that ended (the latest, when several were open). */
    downtimeId: string;
    equipmentId: string;
    equipmentCode: string;
    start: Date;
    end: Date;
    at: Date;
    minutes: number;
  }
> {
  const eq = await findEquipment(tx, scope, input.equipmentId);
  const at = input.at ?? new Date();
  const openWhere = {
    ...tenantFilter(scope),
    equipmentId: eq.id,
    start: { lte: at },
    OR: [{ end: null }, { end: { gt: at } }],
  };
  const latest = await tx.equipmentDowntime.findFirst({ where: openWhere, orderBy: { start: 'desc' } });
  if (!latest) {
    throw new DomainError('CONFLICT', `${eq.code} is not down (no open downtime)`, 'equipmentId', {
      reason: 'equipment_not_down',
    });
  }
  const { count } = await tx.equipmentDowntime.updateMany({ where: openWhere, data: { end: at } });
  const minutes = Math.round((at.getTime() - latest.start.getTime()) / 600) / 100;
  await recordPlanningAudit(tx, scope, {
    action: 'equipment.up',
    targetType: 'equipment',
    targetId: eq.id,
    details: {
      code: eq.code,
      up: at.toISOString(),
      closed: count,
      downtimeId: latest.id,
      minutes,
      note: input.note ?? '',
    },
  });
  return {
    closed: count,
    downtimeId: latest.id,
    equipmentId: eq.id,
    equipmentCode: eq.code,
    plantId: eq.plantId,
    plantCode: eq.plantCode,
    start: latest.start,
    end: at,
    at,
    minutes,
  };
}

/** Raises (or sets) an order's scheduling priority: the solver weighs its tardiness by it. */
export async function rushOrder(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { orderId: string; priority: number },
): Promise<
  TPlanningTarget & { orderId: string; orderNo: string; priority: number; previousPriority: number }
> {
  const order = await tx.salesOrder.findFirst({
    where: { id: input.orderId, ...tenantFilter(scope), AND: [plantScopeOnChild(scope)] },
    select: {
      id: true,
      orderNo: true,
      status: true,
      priority: true,
      plantId: true,
      plant: { select: { code: true } },
    },
  });
  if (!order) throw DomainError.notFound('order', 'orderId');
  if (order.status === 'shipped' || order.status === 'cancelled') {
    throw new DomainError('BAD_REQUEST', `order ${order.orderNo} is ${order.status}`, 'orderId');
  }
  await tx.salesOrder.update({
    where: { id: order.id, ...tenantFilter(scope) },
    data: { priority: input.priority },
  });
  await tx.salesOrderEvent.create({
    data: {
      tenantId: scope.tenantId,
      orderId: order.id,
      kind: 'priority_changed',
      details: { from: order.priority, to: input.priority },
      actorUserId: scope.userId ?? null,
    },
  });
  await recordPlanningAudit(tx, scope, {
    action: 'plan.run',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo: order.orderNo, rush: true, priority: input.priority },
  });
  return {
    orderId: order.id,
    orderNo: order.orderNo,
    priority: input.priority,
    previousPriority: order.priority,
    plantId: order.plantId,
    plantCode: order.plant.code,
  };
}
