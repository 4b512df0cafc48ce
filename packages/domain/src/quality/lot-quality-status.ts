import { isLotTransitionAllowed, type TLotStatus } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { updateLotStatusFrom } from '../lot/update-lot-status.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TLotStatusChange {
  lotId: string;
  lotNo: string;
  from: TLotStatus;
  to: TLotStatus;
  /** False when the lot already had the status, or its life cycle does not allow it (it was consumed, shipped...). */
  changed: boolean;
  note: string;
}

/**
 * Moves a lot to the status a quality decision asks for, through the lot domain's transition rule and its
 * compare-and-set update. A lot that already has the status is left alone (so the workflow's activity can apply a
 * decision again); one that moved on (consumed by the next operation, shipped) keeps its status and the answer says
 * why, because quality cannot undo that — a nonconformance records it instead.
 */
export async function applyLotQualityStatus(
  tx: TenantTx,
  ctx: TTenantContext,
  lotId: string,
  to: TLotStatus,
  field: string,
): Promise<TLotStatusChange> {
  const lot = await tx.materialLot.findFirstOrThrow({
    where: { id: lotId, ...tenantFilter(ctx) },
    select: { id: true, lotNo: true, status: true },
  });
  if (lot.status === to) {
    return { lotId, lotNo: lot.lotNo, from: lot.status, to, changed: false, note: `already ${to}` };
  }
  if (!isLotTransitionAllowed(lot.status, to)) {
    return {
      lotId,
      lotNo: lot.lotNo,
      from: lot.status,
      to,
      changed: false,
      note: `lot is ${lot.status} and cannot become ${to}`,
    };
  }
  await updateLotStatusFrom(tx, ctx, lot, { status: to }, field);
  return { lotId, lotNo: lot.lotNo, from: lot.status, to, changed: true, note: '' };
}
