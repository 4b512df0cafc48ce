import type { TenantTx } from '@ingot/db';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import type { TPlanningScope } from './planning-scope.ts';

/** The forward order of the order life cycle (cancelled is off the line). */
const FLOW = [
  'entered',
  'confirmed',
  'planned',
  'in_production',
  'quality_release',
  'ready',
  'shipped',
] as const;
export type TLifecycleStatus = (typeof FLOW)[number] | 'cancelled';

/**
 * Statuses only the order module's own mutations set: confirmation (order.confirm makes work orders and the promised
 * date), shipping (order.ship, from shipped quantities) and cancelling (order.cancel). Planning and the shop floor
 * never set them; an event about them only makes the caller follow the order's status.
 */
const SET_BY_ORDER_MODULE = new Set<TLifecycleStatus>(['confirmed', 'shipped', 'cancelled']);

export interface TAdvanceOrderInput {
  orderId: string;
  to: TLifecycleStatus;
  /** Timeline event kind (plan_published, lifecycle_operation_started, ...). */
  kind: string;
  /** Idempotency key, stored in the events' details: a key already recorded on the order changes nothing. */
  key: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface TAdvanceOrderResult {
  /** The order's status afterwards (`not_found` for an order the scope cannot see). */
  status: string;
  changed: boolean;
}

/**
 * O1-CALL-SITE — the ONE place planning and the order workflow move a sales order's status. It follows the order
 * module's rule (packages/domain/src/order/order-status.ts): one step at a time along entered -> confirmed ->
 * planned -> in production -> quality release -> ready -> shipped, never back, never past a step the order module
 * owns (confirmed, shipped, cancelled). It walks the steps up to `to` (a work order finished the same minute it was
 * planned goes planned -> in production -> quality release), writing the order, its open lines and one timeline
 * entry per step, idempotent by `key`.
 *
 * The write of each step is where O1's `advanceOrderStatus(tx, scope, orderId, step, reason, { kind, key, details })`
 * takes over once its key-idempotent signature is on main (its committed version does not take `opts` yet).
 */
export async function advanceOrderStatusBridge(
  tx: TenantTx,
  scope: TPlanningScope,
  input: TAdvanceOrderInput,
): Promise<TAdvanceOrderResult> {
  const order = await tx.salesOrder.findFirst({
    where: { id: input.orderId, ...tenantFilter(scope) },
    select: { id: true, status: true },
  });
  if (!order) return { status: 'not_found', changed: false };
  let status = order.status as TLifecycleStatus;
  if (SET_BY_ORDER_MODULE.has(input.to) || status === 'cancelled' || status === 'shipped') {
    return { status, changed: false };
  }
  const events = await tx.salesOrderEvent.findMany({
    where: { ...tenantFilter(scope), orderId: order.id },
    select: { details: true },
  });
  if (events.some((e) => (e.details as { key?: unknown } | null)?.key === input.key)) {
    return { status, changed: false };
  }
  let changed = false;
  const target = FLOW.indexOf(input.to as (typeof FLOW)[number]);
  while (FLOW.indexOf(status as (typeof FLOW)[number]) < target) {
    const next = FLOW[FLOW.indexOf(status as (typeof FLOW)[number]) + 1] as TLifecycleStatus;
    if (SET_BY_ORDER_MODULE.has(next)) break;
    await tx.salesOrder.update({ where: { id: order.id, ...tenantFilter(scope) }, data: { status: next } });
    await tx.salesOrderLine.updateMany({
      where: { ...tenantFilter(scope), orderId: order.id, status: { notIn: ['shipped', 'cancelled'] } },
      data: { status: next },
    });
    await tx.salesOrderEvent.create({
      data: {
        tenantId: scope.tenantId,
        orderId: order.id,
        kind: input.kind,
        fromStatus: status,
        toStatus: next,
        details: { key: input.key, ...(input.details ?? {}) },
        actorUserId: scope.userId ?? null,
      },
    });
    status = next;
    changed = true;
  }
  return { status, changed };
}
