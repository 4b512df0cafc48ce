import type {
  TChangeLotStatusInput,
  THoldLotInput,
  TLotStatus,
  TMoveLotInput,
  TReleaseLotInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findLotInScope } from './find-lot-in-scope.ts';
import { lotInclude, type TLotDto, toLotDto } from './lot-dto.ts';
import { assertLotTransition } from './lot-transition.ts';
import { updateLotStatusFrom } from './update-lot-status.ts';

/** Statuses only the lot's own processes set: an operation start, a split/merge/transform, a shipment. */
const SET_BY_PROCESS: Partial<Record<TLotStatus, string>> = {
  in_process: 'starting an operation with it',
  consumed: 'a split, merge, transform or finished operation',
};

async function setStatus(
  tx: TenantTx,
  ctx: TTenantContext,
  id: string,
  to: TLotStatus,
  action: string,
  reason: string,
): Promise<TLotDto> {
  const lot = await findLotInScope(tx, ctx, id);
  assertLotTransition(lot, to, 'status');
  if (to === 'shipped') {
    const onShipment = await tx.shipmentLine.count({ where: { lotId: lot.id, ...tenantFilter(ctx) } });
    if (onShipment === 0) {
      throw new DomainError(
        'CONFLICT',
        `lot ${lot.lotNo} is on no shipment; a lot becomes shipped when a shipment carries it`,
        'status',
        { reason: 'invalid_transition' },
      );
    }
  }
  const after = await updateLotStatusFrom(tx, ctx, lot, { status: to }, 'id');
  await recordAuditEvent(tx, ctx, {
    action,
    targetType: 'lot',
    targetId: lot.id,
    details: { lotNo: lot.lotNo, from: lot.status, to, reason },
  });
  return toLotDto(after);
}

/**
 * A status change by hand (scrapping a damaged coil, marking a shipped lot): only along the allowed transitions.
 * `in_process` and `consumed` are set by the processes that cause them, never by hand.
 */
export async function changeLotStatus(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TChangeLotStatusInput,
): Promise<TLotDto> {
  const byProcess = SET_BY_PROCESS[input.status];
  if (byProcess) {
    throw new DomainError('BAD_REQUEST', `a lot becomes ${input.status} only by ${byProcess}`, 'status', {
      reason: 'invalid_transition',
    });
  }
  return setStatus(tx, ctx, input.id, input.status, 'lot.changeStatus', input.reason);
}

/** Puts a lot on (quality) hold with a reason: it cannot be processed or shipped until released. */
export async function holdLot(tx: TenantTx, ctx: TTenantContext, input: THoldLotInput): Promise<TLotDto> {
  const lot = await findLotInScope(tx, ctx, input.id);
  if (lot.status === 'on_hold') {
    throw new DomainError('CONFLICT', `lot ${lot.lotNo} is already on hold`, 'id', {
      reason: 'invalid_transition',
    });
  }
  return setStatus(tx, ctx, lot.id, 'on_hold', 'lot.hold', input.reason);
}

/**
 * Releases a lot with a reason: to `released` (quality release: ready to ship or to go on) from available or
 * on hold, or from hold back to `available`.
 */
export async function releaseLot(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TReleaseLotInput,
): Promise<TLotDto> {
  const lot = await findLotInScope(tx, ctx, input.id);
  if (input.to === 'available' && lot.status !== 'on_hold') {
    throw new DomainError(
      'CONFLICT',
      `lot ${lot.lotNo} is ${lot.status}; only a lot on hold can be released back to available`,
      'to',
      { reason: 'invalid_transition' },
    );
  }
  return setStatus(tx, ctx, lot.id, input.to, 'lot.release', input.reason);
}

/** Moves a lot to another location (bay, rack, the entry of a mill). Lots that left the plant stay where they were. */
export async function moveLot(tx: TenantTx, ctx: TTenantContext, input: TMoveLotInput): Promise<TLotDto> {
  const lot = await findLotInScope(tx, ctx, input.id);
  if (lot.status === 'consumed' || lot.status === 'shipped' || lot.status === 'scrapped') {
    throw new DomainError('CONFLICT', `lot ${lot.lotNo} is ${lot.status} and cannot be moved`, 'id', {
      reason: 'lot_not_usable',
    });
  }
  const after = await tx.materialLot.update({
    where: { id: lot.id, ...tenantFilter(ctx) },
    data: { location: input.location },
    include: lotInclude,
  });
  await recordAuditEvent(tx, ctx, {
    action: 'lot.move',
    targetType: 'lot',
    targetId: lot.id,
    details: { lotNo: lot.lotNo, from: lot.location, to: input.location },
  });
  return toLotDto(after);
}
