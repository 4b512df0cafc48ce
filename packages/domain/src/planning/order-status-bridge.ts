import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { advanceOrderStatus } from '../order/order-status.ts';
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
 * The ONE place planning and the order workflow move a sales order's status, through the order module's
 * `advanceOrderStatus` (packages/domain/src/order/order-status.ts): one step at a time along entered -> confirmed ->
 * planned -> in production -> quality release -> ready -> shipped, never back, never past a step the order module
 * owns (confirmed, shipped, cancelled). It walks the steps up to `to` (a work order finished the same minute it was
 * planned goes planned -> in production -> quality release), writing the order, its open lines and one timeline
 * entry per step (written by the order module), idempotent by `key`: a key already on the order's timeline
 * changes nothing.
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
  const seen = (k: unknown) => typeof k === 'string' && (k === input.key || k.startsWith(`${input.key}:`));
  if (events.some((e) => seen((e.details as { key?: unknown } | null)?.key))) {
    return { status, changed: false };
  }
  let changed = false;
  const target = FLOW.indexOf(input.to as (typeof FLOW)[number]);
  while (FLOW.indexOf(status as (typeof FLOW)[number]) < target) {
    const next = FLOW[FLOW.indexOf(status as (typeof FLOW)[number]) + 1] as TLifecycleStatus;
    if (SET_BY_ORDER_MODULE.has(next)) break;
    try {
      // O1's rule and write: the order, its open lines and one timeline entry (kind, per-step key, details).
      const change = await advanceOrderStatus(tx, scope, order.id, next, input.kind, {
        kind: input.kind,
        key: `${input.key}:${next}`,
        ...(input.details ? { details: input.details } : {}),
      });
      if (!change.changed) break;
    } catch (e) {
      // The order module refused the step (a rule this walk does not know): stop where the order is.
      if (e instanceof DomainError && e.code === 'CONFLICT') break;
      throw e;
    }
    status = next;
    changed = true;
  }
  return { status, changed };
}
