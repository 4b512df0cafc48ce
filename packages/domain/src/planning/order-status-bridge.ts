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

export interface TAdvanceOrderInput {
  orderId: string;
  to: TLifecycleStatus;
  /** Timeline event kind (plan_published, operation_started, ...). */
  kind: string;
  /** Idempotency key, stored in the event's details: an event with this key is never written twice. */
  key: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface TAdvanceOrderResult {
  status: string;
  changed: boolean;
}

/**
 * O1-CALL-SITE — the ONE place planning changes a sales order's status. It should call O1's
 * `advanceOrderStatus` (packages/domain/src/order) once that exists; until then it applies the same rule
 * itself: only forward along entered → confirmed → planned → in production → quality release → ready → shipped
 * (cancelled only before production), the order and its lines together, with one SalesOrderEvent per change,
 * idempotent by `key`. A request that would go backwards (or is the current status) changes nothing.
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
  const from = order.status as TLifecycleStatus;
  const seen = await tx.salesOrderEvent.findMany({
    where: { ...tenantFilter(scope), orderId: order.id, kind: input.kind },
    select: { details: true },
  });
  if (seen.some((e) => (e.details as { key?: unknown } | null)?.key === input.key)) {
    return { status: from, changed: false };
  }
  const allowed =
    input.to === 'cancelled'
      ? ['entered', 'confirmed', 'planned'].includes(from)
      : from !== 'cancelled' && FLOW.indexOf(input.to) > FLOW.indexOf(from as (typeof FLOW)[number]);
  if (!allowed) return { status: from, changed: false };
  await tx.salesOrder.update({ where: { id: order.id, ...tenantFilter(scope) }, data: { status: input.to } });
  await tx.salesOrderLine.updateMany({
    where: {
      ...tenantFilter(scope),
      orderId: order.id,
      status: {
        in:
          input.to === 'cancelled'
            ? ['entered', 'confirmed', 'planned']
            : [...FLOW.slice(0, FLOW.indexOf(input.to))],
      },
    },
    data: { status: input.to },
  });
  await tx.salesOrderEvent.create({
    data: {
      tenantId: scope.tenantId,
      orderId: order.id,
      kind: input.kind,
      fromStatus: from,
      toStatus: input.to,
      details: { key: input.key, ...(input.details ?? {}) },
      actorUserId: scope.userId ?? null,
    },
  });
  return { status: input.to, changed: true };
}
