import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { generateWorkOrders } from '../work-order/generate-work-orders.ts';
import { findOrderForChange } from './find-order.ts';
import { getOrder } from './get-order.ts';
import type { TOrderDetailDto } from './order-dto.ts';
import { addOrderEvent } from './order-events.ts';
import type { TPromiseDateProvider } from './promise-date-provider.ts';

/**
 * Confirms an entered order: makes its work orders (one per line, idempotent), asks capable-to-promise for the
 * promised dates (per line and for the order), sets the work orders' due dates to them, and moves the order to
 * confirmed — all in the caller's transaction, so a line without a routing leaves nothing behind.
 */
export async function confirmOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
  promise: TPromiseDateProvider,
): Promise<TOrderDetailDto> {
  const order = await findOrderForChange(tx, ctx, input.id);
  if (order.status !== 'entered')
    throw new DomainError(
      'CONFLICT',
      `the order is ${order.status}; only an entered order is confirmed`,
      'id',
      { reason: 'invalid_transition', params: { from: order.status, to: 'confirmed' } },
    );
  const workOrders = await generateWorkOrders(tx, ctx, { orderId: order.id });
  const result = await promise(tx, ctx, { orderId: order.id });
  for (const l of result.perLine) {
    await tx.salesOrderLine.update({
      where: { id: l.lineId, ...tenantFilter(ctx) },
      data: { promisedDate: l.promisedDate, status: 'confirmed' },
    });
    await tx.workOrder.updateMany({
      where: { orderLineId: l.lineId, status: { not: 'cancelled' }, ...tenantFilter(ctx) },
      data: { dueDate: l.promisedDate },
    });
  }
  const confirmedAt = new Date();
  await tx.salesOrder.update({
    where: { id: order.id, ...tenantFilter(ctx) },
    data: { status: 'confirmed', promisedDate: result.promisedDate, confirmedAt },
  });
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind: 'confirmed',
    fromStatus: 'entered',
    toStatus: 'confirmed',
    details: {
      promisedDate: result.promisedDate.toISOString(),
      method: result.method,
      workOrders: workOrders.map((w) => w.workOrderNo),
      perLine: result.perLine.map((l) => ({
        lineId: l.lineId,
        promisedDate: l.promisedDate.toISOString(),
        earliestFinish: l.earliestFinish.toISOString(),
      })),
    },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'order.confirm',
    targetType: 'sales_order',
    targetId: order.id,
    details: {
      orderNo: order.orderNo,
      promisedDate: result.promisedDate.toISOString(),
      workOrders: workOrders.map((w) => w.workOrderNo),
    },
  });
  return getOrder(tx, ctx, { id: order.id });
}
