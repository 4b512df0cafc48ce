import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { findLotsInScope } from '../lot/find-lot-in-scope.ts';
import { type TLotDto, toLotDto } from '../lot/lot-dto.ts';
import { assertLotTransition, assertLotUsable } from '../lot/lot-transition.ts';
import { updateLotStatusFrom } from '../lot/update-lot-status.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import type { TScopedOperation } from './find-operation-in-scope.ts';

type TLotRow = Awaited<ReturnType<typeof findLotsInScope>>[number];

/**
 * Checks lots an operation takes in — same plant as the work order, usable, of the order's alloy — before anything
 * is written (so a refusal leaves no trace). `fieldOf(i)` names the input field of lot i.
 */
export function checkInputLots(
  op: TScopedOperation,
  lots: readonly TLotRow[],
  fieldOf: (i: number) => string,
): void {
  const wo = op.workOrder;
  lots.forEach((lot, i) => {
    const field = fieldOf(i);
    if (lot.plantId !== wo.plantId) {
      throw new DomainError(
        'BAD_REQUEST',
        `lot ${lot.lotNo} is in another plant than the work order`,
        field,
        { reason: 'plant_mismatch' },
      );
    }
    assertLotUsable(lot, field);
    assertLotTransition(lot, 'in_process', field);
    if (lot.alloyId && lot.alloyId !== wo.orderLine.spec.alloyId) {
      throw new DomainError(
        'BAD_REQUEST',
        `lot ${lot.lotNo} is alloy ${lot.alloy?.code ?? '?'}; the order needs ${wo.orderLine.spec.alloy.code}`,
        field,
        { reason: 'mixed_alloys' },
      );
    }
  });
}

/**
 * Takes checked lots into a running operation: one `input` report row per lot (the lot in `input_lot_id`, its
 * tonnes in `good_t`), and the lot in_process at the machine's location (compare-and-set on its status).
 */
export async function takeInputLots(
  tx: TenantTx,
  ctx: TTenantContext,
  op: { id: string },
  equipment: { id: string; code: string } | null,
  lots: readonly TLotRow[],
  at: Date,
  fieldOf: (i: number) => string,
): Promise<TLotDto[]> {
  const taken: TLotDto[] = [];
  for (const [i, lot] of lots.entries()) {
    await tx.operationReport.create({
      data: {
        tenantId: ctx.tenantId,
        operationId: op.id,
        kind: 'input',
        at,
        equipmentId: equipment?.id ?? null,
        goodT: lot.weightKg / 1000,
        inputLotId: lot.id,
        actorUserId: ctx.userId,
      },
    });
    const after = await updateLotStatusFrom(
      tx,
      ctx,
      lot,
      { status: 'in_process', ...(equipment ? { location: equipment.code } : {}) },
      fieldOf(i),
    );
    taken.push(toLotDto(after));
  }
  return taken;
}
