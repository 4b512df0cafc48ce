import type { TSplitLotInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findOperationInScope } from '../shop-floor/find-operation-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { DUPLICATE_LOT_NO } from './create-lot.ts';
import { findLotInScope } from './find-lot-in-scope.ts';
import { lotInclude, type TLotDto, toDimensions, toLotDto } from './lot-dto.ts';
import { assertLotTransition, assertLotUsable, formatKg, WEIGHT_EPSILON_KG } from './lot-transition.ts';
import { updateLotStatusFrom } from './update-lot-status.ts';

export interface TSplitLotResult {
  parent: TLotDto;
  children: TLotDto[];
  /** The remainder (edge trim, head and tail), recorded as a scrapped child lot; null when nothing remained. */
  scrap: TLotDto | null;
  scrapKg: number;
}

/**
 * Splits one lot into several (one coil -> slit coils, a sheet pack into smaller packs). The children's weights
 * add up to at most the parent's; what remains is recorded as a scrapped child (`<parent>-S`, link kind
 * `split_scrap`), so the parent's mass is always accounted for in its genealogy. Children inherit the alloy,
 * temper, heat and cast numbers; their numbers are `<parent>-1`, `-2`, ... unless given. The parent is consumed.
 */
export async function splitLot(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSplitLotInput,
): Promise<TSplitLotResult> {
  const parent = await findLotInScope(tx, ctx, input.id);
  const operation = input.operationId
    ? await findOperationInScope(tx, ctx, input.operationId, 'operationId')
    : null;
  if (operation && operation.workOrder.plantId !== parent.plantId) {
    throw new DomainError(
      'BAD_REQUEST',
      'the operation belongs to another plant than the lot',
      'operationId',
      { reason: 'plant_mismatch' },
    );
  }
  assertLotUsable(parent, 'id', { allowInProcess: operation !== null });
  assertLotTransition(parent, 'consumed', 'id');

  const total = input.children.reduce((sum, c) => sum + c.weightKg, 0);
  if (total > parent.weightKg + WEIGHT_EPSILON_KG) {
    throw new DomainError(
      'BAD_REQUEST',
      `the children weigh ${formatKg(total)} together, more than lot ${parent.lotNo} (${formatKg(parent.weightKg)})`,
      'children',
      { reason: 'weight_exceeds' },
    );
  }
  const scrapKg = Math.max(0, Math.round((parent.weightKg - total) * 1000) / 1000);

  const parentDimensions = toDimensions(parent.dimensions);
  const at = new Date();
  const children: TLotDto[] = [];
  for (const [i, c] of input.children.entries()) {
    const child = await tx.materialLot
      .create({
        data: {
          tenantId: ctx.tenantId,
          plantId: parent.plantId,
          lotNo: c.lotNo ?? `${parent.lotNo}-${i + 1}`,
          kind: c.kind ?? parent.kind,
          status: 'available',
          weightKg: c.weightKg,
          alloyId: parent.alloyId,
          temperId: parent.temperId,
          heatNo: parent.heatNo,
          castNo: parent.castNo,
          dimensions: { ...parentDimensions, ...(c.dimensions ?? {}) },
          location: c.location ?? parent.location,
          workOrderId: operation?.workOrderId ?? parent.workOrderId,
          operationId: operation?.id ?? null,
        },
        include: lotInclude,
      })
      .catch((e: unknown) =>
        rethrowConstraintViolation(e, { unique: { ...DUPLICATE_LOT_NO, field: `children.${i}.lotNo` } }),
      );
    await tx.lotLink.create({
      data: {
        tenantId: ctx.tenantId,
        parentLotId: parent.id,
        childLotId: child.id,
        kind: 'split',
        weightKg: c.weightKg,
        operationId: operation?.id ?? null,
        at,
      },
    });
    children.push(toLotDto(child));
  }

  let scrap: TLotDto | null = null;
  if (scrapKg >= WEIGHT_EPSILON_KG) {
    const row = await tx.materialLot
      .create({
        data: {
          tenantId: ctx.tenantId,
          plantId: parent.plantId,
          lotNo: `${parent.lotNo}-S`,
          kind: parent.kind,
          status: 'scrapped',
          weightKg: scrapKg,
          alloyId: parent.alloyId,
          temperId: parent.temperId,
          heatNo: parent.heatNo,
          castNo: parent.castNo,
          dimensions: {},
          location: parent.location,
          workOrderId: operation?.workOrderId ?? parent.workOrderId,
          operationId: operation?.id ?? null,
        },
        include: lotInclude,
      })
      .catch((e: unknown) => rethrowConstraintViolation(e, { unique: { ...DUPLICATE_LOT_NO, field: 'id' } }));
    await tx.lotLink.create({
      data: {
        tenantId: ctx.tenantId,
        parentLotId: parent.id,
        childLotId: row.id,
        kind: 'split_scrap',
        weightKg: scrapKg,
        operationId: operation?.id ?? null,
        at,
      },
    });
    scrap = toLotDto(row);
  }

  const after = await updateLotStatusFrom(tx, ctx, parent, { status: 'consumed' }, 'id');
  await recordAuditEvent(tx, ctx, {
    action: 'lot.split',
    targetType: 'lot',
    targetId: parent.id,
    details: {
      lotNo: parent.lotNo,
      weightKg: parent.weightKg,
      children: children.map((c) => c.lotNo),
      childWeightsKg: children.map((c) => String(c.weightKg)),
      scrapKg,
      operationId: operation?.id ?? null,
      note: input.note,
    },
  });
  return { parent: toLotDto(after), children, scrap, scrapKg };
}
