import type { TUpdateOrderInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOrderForChange } from './find-order.ts';
import { getOrder } from './get-order.ts';
import type { TOrderDetailDto } from './order-dto.ts';
import { addOrderEvent } from './order-events.ts';
import { assertOrderLines, earliestDate, writeOrderLines } from './order-lines.ts';

/** Changes an order while it is entered (before confirmation): PO, priority, notes, or all its lines. */
export async function updateOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateOrderInput,
): Promise<TOrderDetailDto> {
  const order = await findOrderForChange(tx, ctx, input.id);
  if (order.status !== 'entered')
    throw new DomainError(
      'CONFLICT',
      `the order is ${order.status}; only an entered order can be changed`,
      'id',
      { reason: 'not_editable', params: { status: order.status } },
    );
  const { id, lines, ...fields } = input;
  if (lines) {
    await assertOrderLines(tx, ctx, order.customerId, lines);
    await tx.salesOrderLine.deleteMany({ where: { orderId: order.id, ...tenantFilter(ctx) } });
    await writeOrderLines(tx, ctx, order.id, lines);
  }
  await tx.salesOrder.update({
    where: { id: order.id, ...tenantFilter(ctx) },
    data: { ...fields, ...(lines ? { requestedDate: earliestDate(lines) } : {}) },
  });
  const changed = changedFields({ ...fields, lines });
  await addOrderEvent(tx, ctx, { orderId: order.id, kind: 'updated', details: { changed } });
  await recordAuditEvent(tx, ctx, {
    action: 'order.update',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo: order.orderNo, changed },
  });
  return getOrder(tx, ctx, { id });
}
