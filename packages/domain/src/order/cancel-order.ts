import type { TCancelOrderInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOrderForChange } from './find-order.ts';
import { getOrder } from './get-order.ts';
import type { TOrderDetailDto } from './order-dto.ts';
import { addOrderEvent } from './order-events.ts';

const CANCELLABLE = ['entered', 'confirmed', 'planned'] as const;

/**
 * Cancels an order that has not started production (entered, confirmed or planned), with its work orders and
 * their pending operations. Once material is in process the order must run out or be handled as scrap.
 */
export async function cancelOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCancelOrderInput,
): Promise<TOrderDetailDto> {
  const order = await findOrderForChange(tx, ctx, input.id);
  if (!(CANCELLABLE as readonly string[]).includes(order.status))
    throw new DomainError(
      'CONFLICT',
      `the order is ${order.status}; only entered, confirmed or planned orders can be cancelled`,
      'id',
      { reason: 'invalid_transition', params: { from: order.status, to: 'cancelled' } },
    );
  const lineIds = order.lines.map((l) => l.id);
  const started = await tx.workOrder.count({
    where: {
      orderLineId: { in: lineIds },
      status: { in: ['in_progress', 'completed'] },
      ...tenantFilter(ctx),
    },
  });
  if (started > 0)
    throw new DomainError(
      'CONFLICT',
      `${started} work order(s) of the order have started; it cannot be cancelled`,
      'id',
      { reason: 'invalid_transition', params: { from: order.status, to: 'cancelled' } },
    );
  const workOrders = await tx.workOrder.findMany({
    where: { orderLineId: { in: lineIds }, status: { in: ['created', 'released'] }, ...tenantFilter(ctx) },
    select: { id: true },
  });
  const woIds = workOrders.map((w) => w.id);
  await tx.workOrderOperation.updateMany({
    where: { workOrderId: { in: woIds }, status: 'pending', ...tenantFilter(ctx) },
    data: { status: 'cancelled' },
  });
  await tx.workOrder.updateMany({
    where: { id: { in: woIds }, ...tenantFilter(ctx) },
    data: { status: 'cancelled' },
  });
  await tx.salesOrderLine.updateMany({
    where: { orderId: order.id, ...tenantFilter(ctx) },
    data: { status: 'cancelled' },
  });
  await tx.salesOrder.update({
    where: { id: order.id, ...tenantFilter(ctx) },
    data: { status: 'cancelled' },
  });
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind: 'cancelled',
    fromStatus: order.status,
    toStatus: 'cancelled',
    details: { reason: input.reason, workOrdersCancelled: woIds.length },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'order.cancel',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo: order.orderNo, from: order.status, reason: input.reason },
  });
  return getOrder(tx, ctx, { id: order.id });
}
