import type { TMergeLotsInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findOperationInScope } from '../shop-floor/find-operation-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { DUPLICATE_LOT_NO } from './create-lot.ts';
import { findLotsInScope } from './find-lot-in-scope.ts';
import { lotInclude, type TLotDto, toDimensions, toLotDto } from './lot-dto.ts';
import { nextLotNo } from './lot-number.ts';
import { assertLotTransition, assertLotUsable } from './lot-transition.ts';
import { updateLotStatusFrom } from './update-lot-status.ts';

export interface TMergeLotsResult {
  lot: TLotDto;
  consumed: TLotDto[];
}

/** The single value all items share, or null when they differ. */
function common<T>(values: readonly T[]): T | null {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : null;
}

/**
 * Merges several lots into one (billets charged together, packs combined): same plant and same alloy required.
 * The new lot weighs the sum; it keeps the temper, heat and cast numbers only where all inputs share them (a
 * mixed-heat lot traces back to each heat through its links). The inputs are consumed.
 */
export async function mergeLots(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TMergeLotsInput,
): Promise<TMergeLotsResult> {
  const lots = await findLotsInScope(tx, ctx, input.lotIds, 'lotIds');
  const first = lots[0];
  if (!first) throw new DomainError('BAD_REQUEST', 'a merge needs at least two lots', 'lotIds');
  lots.forEach((lot, i) => {
    assertLotUsable(lot, `lotIds.${i}`, { allowInProcess: input.operationId !== undefined });
    assertLotTransition(lot, 'consumed', `lotIds.${i}`);
  });
  if (common(lots.map((l) => l.plantId)) === null) {
    throw new DomainError('BAD_REQUEST', 'lots of different plants cannot be merged', 'lotIds', {
      reason: 'plant_mismatch',
    });
  }
  if (lots.some((l) => l.alloyId === null) || common(lots.map((l) => l.alloyId)) === null) {
    const codes = [...new Set(lots.map((l) => l.alloy?.code ?? 'unknown'))].sort();
    throw new DomainError(
      'BAD_REQUEST',
      `only lots of the same, known alloy can be merged; these are ${codes.join(', ')}`,
      'lotIds',
      { reason: 'mixed_alloys' },
    );
  }
  const operation = input.operationId
    ? await findOperationInScope(tx, ctx, input.operationId, 'operationId')
    : null;
  if (operation && operation.workOrder.plantId !== first.plantId) {
    throw new DomainError(
      'BAD_REQUEST',
      'the operation belongs to another plant than the lots',
      'operationId',
      { reason: 'plant_mismatch' },
    );
  }
  const plant = await tx.plant.findFirstOrThrow({
    where: { id: first.plantId, ...tenantFilter(ctx) },
    select: { code: true, timezone: true },
  });
  const kind = input.kind ?? first.kind;
  const lotNo = input.lotNo ?? (await nextLotNo(tx, ctx, plant, kind));
  const weightKg = Math.round(lots.reduce((sum, l) => sum + l.weightKg, 0) * 1000) / 1000;
  const merged = await tx.materialLot
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: first.plantId,
        lotNo,
        kind,
        status: 'available',
        weightKg,
        alloyId: first.alloyId,
        temperId: common(lots.map((l) => l.temperId)),
        heatNo: common(lots.map((l) => l.heatNo)),
        castNo: common(lots.map((l) => l.castNo)),
        dimensions: input.dimensions ?? toDimensions(first.dimensions),
        location: input.location ?? first.location,
        workOrderId: operation?.workOrderId ?? null,
        operationId: operation?.id ?? null,
      },
      include: lotInclude,
    })
    .catch((e: unknown) => rethrowConstraintViolation(e, { unique: DUPLICATE_LOT_NO }));
  const at = new Date();
  const consumed: TLotDto[] = [];
  for (const lot of lots) {
    await tx.lotLink.create({
      data: {
        tenantId: ctx.tenantId,
        parentLotId: lot.id,
        childLotId: merged.id,
        kind: 'merge',
        weightKg: lot.weightKg,
        operationId: operation?.id ?? null,
        at,
      },
    });
    const after = await updateLotStatusFrom(tx, ctx, lot, { status: 'consumed' }, 'lotIds');
    consumed.push(toLotDto(after));
  }
  await recordAuditEvent(tx, ctx, {
    action: 'lot.merge',
    targetType: 'lot',
    targetId: merged.id,
    details: {
      lotNo: merged.lotNo,
      weightKg,
      from: lots.map((l) => l.lotNo),
      operationId: operation?.id ?? null,
      note: input.note,
    },
  });
  return { lot: toLotDto(merged), consumed };
}
