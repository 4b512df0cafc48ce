import { ORDER_STATUS_FLOW, type TOrderStatus } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { orderVisibilityWhere } from './order-access.ts';
import { addOrderEvent, type TOrderScope } from './order-events.ts';

/** Why a move from `from` to `to` is not allowed, or null when it is the next step of the flow. */
export function transitionRefusal(from: TOrderStatus, to: TOrderStatus): string | null {
  if (from === 'cancelled') return 'the order is cancelled';
  if (from === 'shipped') return 'the order is already shipped';
  if (to === 'cancelled') return null;
  const i = ORDER_STATUS_FLOW.indexOf(from as (typeof ORDER_STATUS_FLOW)[number]);
  const j = ORDER_STATUS_FLOW.indexOf(to as (typeof ORDER_STATUS_FLOW)[number]);
  if (j === i + 1) return null;
  if (j <= i) return `an order cannot go back from ${from} to ${to}`;
  return `an order goes ${ORDER_STATUS_FLOW.slice(i, j + 1).join(' -> ')}; it cannot jump from ${from} to ${to}`;
}

export interface TStatusChange {
  orderId: string;
  fromStatus: TOrderStatus;
  toStatus: TOrderStatus;
  changed: boolean;
}

/**
 * Moves an order one step along entered -> confirmed -> planned -> in_production -> quality_release -> ready ->
 * shipped (used by planning, the shop floor and quality), writing a `status_changed` timeline entry; lines that
 * are not fully shipped follow the order. Asking for the status the order already has is a no-op
 * (`changed: false`), so an event delivered twice does no harm. A jump, a step back, or leaving a cancelled or
 * shipped order is refused (CONFLICT, field `toStatus`) naming the allowed path.
 *
 * It writes no audit row: the calling mutation records its own one. Confirmation (work orders and a promised
 * date) and shipping (quantities) have their own functions; this refuses to bypass them.
 *
 * `opts.kind` names the timeline entry (default `status_changed`; e.g. `plan_published`, `operation_started`),
 * `opts.details` adds to it, and `opts.key` makes the call idempotent by key: a second call with a key already
 * recorded on this order changes nothing, even if the status moved on since.
 */
export async function advanceOrderStatus(
  tx: TenantTx,
  ctx: TOrderScope,
  orderId: string,
  toStatus: TOrderStatus,
  reason: string,
  opts: { kind?: string; key?: string; details?: Record<string, string | number | boolean | null> } = {},
): Promise<TStatusChange> {
  const order = await tx.salesOrder.findFirst({
    where: { id: orderId, ...orderVisibilityWhere(ctx, { kind: 'internal' }) },
    select: { id: true, status: true },
  });
  if (!order) throw DomainError.notFound('order', 'id');
  if (order.status === toStatus) return { orderId, fromStatus: order.status, toStatus, changed: false };
  if (opts.key !== undefined) {
    const seen = await tx.salesOrderEvent.findMany({
      where: { orderId: order.id, ...tenantFilter(ctx), ...(opts.kind ? { kind: opts.kind } : {}) },
      select: { details: true },
    });
    if (seen.some((e) => (e.details as { key?: unknown } | null)?.key === opts.key))
      return { orderId, fromStatus: order.status, toStatus: order.status, changed: false };
  }
  if (toStatus === 'confirmed' && order.status === 'entered')
    throw new DomainError(
      'CONFLICT',
      'toStatus: confirm an order with order.confirm (it makes the work orders and the promised date)',
      'toStatus',
      { reason: 'invalid_transition', params: { from: order.status, to: toStatus } },
    );
  if (toStatus === 'shipped' && order.status === 'ready')
    throw new DomainError(
      'CONFLICT',
      'toStatus: an order becomes shipped when its shipments cover every line (order.ship)',
      'toStatus',
      { reason: 'invalid_transition', params: { from: order.status, to: toStatus } },
    );
  if (toStatus === 'cancelled')
    throw new DomainError('CONFLICT', 'toStatus: cancel an order with order.cancel', 'toStatus', {
      reason: 'invalid_transition',
      params: { from: order.status, to: toStatus },
    });
  const refusal = transitionRefusal(order.status, toStatus);
  if (refusal)
    throw new DomainError('CONFLICT', `toStatus: ${refusal}`, 'toStatus', {
      reason: 'invalid_transition',
      params: { from: order.status, to: toStatus },
    });
  await moveOrderStatus(
    tx,
    ctx,
    order,
    toStatus,
    { ...opts.details, reason, ...(opts.key !== undefined ? { key: opts.key } : {}) },
    opts.kind,
  );
  return { orderId, fromStatus: order.status, toStatus, changed: true };
}

/** The write of a status change (no rule checks): the order, its open lines, and the timeline entry. */
export async function moveOrderStatus(
  tx: TenantTx,
  ctx: TOrderScope,
  order: { id: string; status: TOrderStatus },
  toStatus: TOrderStatus,
  details: Record<string, string | number | boolean | null>,
  kind = 'status_changed',
): Promise<void> {
  await tx.salesOrder.update({ where: { id: order.id, ...tenantFilter(ctx) }, data: { status: toStatus } });
  await tx.salesOrderLine.updateMany({
    where: { orderId: order.id, ...tenantFilter(ctx), status: { notIn: ['shipped', 'cancelled'] } },
    data: { status: toStatus },
  });
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind,
    fromStatus: order.status,
    toStatus,
    details,
  });
}
