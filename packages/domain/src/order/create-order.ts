import type { TCreateOrderInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findCustomer } from '../master-data/customers.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { getOrder } from './get-order.ts';
import type { TOrderDetailDto } from './order-dto.ts';
import { addOrderEvent } from './order-events.ts';
import { assertOrderLines, earliestDate, writeOrderLines } from './order-lines.ts';

/** The next free order number of the month: SO-yyyymm-nnnn (per tenant). */
async function nextOrderNo(tx: TenantTx, ctx: TTenantContext, now: Date): Promise<string> {
  const prefix = `SO-${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}-`;
  const last = await tx.salesOrder.findFirst({
    where: { ...tenantFilter(ctx), orderNo: { startsWith: prefix } },
    orderBy: { orderNo: 'desc' },
    select: { orderNo: true },
  });
  const n = last ? Number.parseInt(last.orderNo.slice(prefix.length), 10) || 0 : 0;
  return `${prefix}${String(n + 1).padStart(4, '0')}`;
}

/** Enters a sales order with its lines (status entered), for a plant in the caller's scope and an active customer. */
export async function createOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateOrderInput,
): Promise<TOrderDetailDto> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const customer = await findCustomer(tx, ctx, input.customerId, 'customerId');
  if (!customer.active)
    throw new DomainError('BAD_REQUEST', 'customerId: the customer is deactivated', 'customerId');
  await assertOrderLines(tx, ctx, customer.id, input.lines);
  const orderNo = input.orderNo ?? (await nextOrderNo(tx, ctx, new Date()));
  const order = await tx.salesOrder
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: plant.id,
        orderNo,
        customerId: customer.id,
        customerPo: input.customerPo,
        priority: input.priority,
        notes: input.notes,
        requestedDate: earliestDate(input.lines),
        createdById: ctx.userId,
      },
    })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'orderNo',
          message: 'an order with this number already exists',
          params: { entity: 'order' },
        },
      }),
    );
  await writeOrderLines(tx, ctx, order.id, input.lines);
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind: 'created',
    toStatus: 'entered',
    details: { lines: input.lines.length },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'order.create',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo, customer: customer.code, plant: plant.code, lines: input.lines.length },
  });
  return getOrder(tx, ctx, { id: order.id });
}
