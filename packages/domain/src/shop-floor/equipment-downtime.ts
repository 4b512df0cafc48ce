import type { TEquipmentDownInput, TEquipmentUpInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { findEquipmentInScope } from '../equipment/find-equipment-in-scope.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TEquipmentDownResult {
  downtimeId: string;
  equipmentId: string;
  equipmentCode: string;
  plantId: string;
  /** For the planning workflow's id (`{tenantId}:plan:{plantCode}`). */
  plantCode: string;
  kind: string;
  start: Date;
  reason: string;
  /** Operations running on the machine when it went down (they stay in progress; the planner decides). */
  affectedOperationIds: string[];
}

export interface TEquipmentUpResult {
  downtimeId: string;
  equipmentId: string;
  equipmentCode: string;
  plantId: string;
  plantCode: string;
  start: Date;
  end: Date;
  minutes: number;
}

async function plantCodeOf(tx: TenantTx, ctx: TTenantContext, plantId: string): Promise<string> {
  const plant = await tx.plant.findFirst({
    where: { id: plantId, ...tenantFilter(ctx) },
    select: { code: true },
  });
  return plant?.code ?? '';
}

/**
 * Reports a machine down (breakdown, or unplanned maintenance) from now with an open end: the scheduler treats it
 * as unavailable until "back up". A machine already down answers CONFLICT.
 */
export async function reportEquipmentDown(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TEquipmentDownInput,
): Promise<TEquipmentDownResult> {
  const equipment = await findEquipmentInScope(tx, ctx, input.equipmentId, 'equipmentId');
  const now = new Date();
  const open = await tx.equipmentDowntime.findFirst({
    where: { ...tenantFilter(ctx), equipmentId: equipment.id, end: null, start: { lte: now } },
    select: { start: true },
  });
  if (open) {
    throw new DomainError(
      'CONFLICT',
      `${equipment.code} is already down since ${open.start.toISOString()}`,
      'equipmentId',
      { reason: 'equipment_already_down' },
    );
  }
  const downtime = await tx.equipmentDowntime.create({
    data: {
      tenantId: ctx.tenantId,
      equipmentId: equipment.id,
      kind: input.kind,
      start: now,
      reason: input.reason,
    },
  });
  const running = await tx.workOrderOperation.findMany({
    where: { ...tenantFilter(ctx), status: 'in_progress', actualEquipmentId: equipment.id },
    select: { id: true },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'equipment.down',
    targetType: 'equipment',
    targetId: equipment.id,
    details: { code: equipment.code, kind: input.kind, reason: input.reason, downtimeId: downtime.id },
  });
  return {
    downtimeId: downtime.id,
    equipmentId: equipment.id,
    equipmentCode: equipment.code,
    plantId: equipment.plantId,
    plantCode: await plantCodeOf(tx, ctx, equipment.plantId),
    kind: downtime.kind,
    start: downtime.start,
    reason: downtime.reason,
    affectedOperationIds: running.map((r) => r.id),
  };
}

/** "Back up": closes the machine's open downtime now. A machine that is not down answers CONFLICT. */
export async function reportEquipmentUp(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TEquipmentUpInput,
): Promise<TEquipmentUpResult> {
  const equipment = await findEquipmentInScope(tx, ctx, input.equipmentId, 'equipmentId');
  const now = new Date();
  const open = await tx.equipmentDowntime.findFirst({
    where: { ...tenantFilter(ctx), equipmentId: equipment.id, end: null, start: { lte: now } },
    orderBy: { start: 'desc' },
  });
  if (!open)
    throw new DomainError('CONFLICT', `${equipment.code} is not down`, 'equipmentId', {
      reason: 'equipment_not_down',
    });
  await tx.equipmentDowntime.update({ where: { id: open.id, ...tenantFilter(ctx) }, data: { end: now } });
  const minutes = Math.round((now.getTime() - open.start.getTime()) / 600) / 100;
  await recordAuditEvent(tx, ctx, {
    action: 'equipment.up',
    targetType: 'equipment',
    targetId: equipment.id,
    details: { code: equipment.code, downtimeId: open.id, minutes, note: input.note },
  });
  return {
    downtimeId: open.id,
    equipmentId: equipment.id,
    equipmentCode: equipment.code,
    plantId: equipment.plantId,
    plantCode: await plantCodeOf(tx, ctx, equipment.plantId),
    start: open.start,
    end: now,
    minutes,
  };
}
