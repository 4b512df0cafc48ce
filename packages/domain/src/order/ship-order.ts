import type { TShipOrderInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOrderForChange } from './find-order.ts';
import { getOrder } from './get-order.ts';
import type { TOrderDetailDto } from './order-dto.ts';
import { addOrderEvent } from './order-events.ts';
import { moveOrderStatus } from './order-status.ts';

/** Quantities are compared with this slack (floating tonnes: 0.1 + 0.2 must equal 0.3). */
const EPS = 1e-6;

/**
 * Records a (partial) shipment of a ready order: per line a quantity in the line's unit, optionally the lot.
 * Refuses more than a line still has open (over-shipment). A line is shipped when fully delivered; the order
 * becomes shipped with the shipment that completes its last line.
 */
export async function shipOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TShipOrderInput,
): Promise<TOrderDetailDto> {
  const order = await findOrderForChange(tx, ctx, input.orderId, 'orderId');
  if (order.status !== 'ready')
    throw new DomainError(
      'CONFLICT',
      `orderId: the order is ${order.status}; only a ready order ships`,
      'orderId',
      { reason: 'invalid_transition', params: { from: order.status, to: 'shipped' } },
    );
  const lines = new Map(order.lines.map((l) => [l.id, l]));
  const adding = new Map<string, number>();
  for (const [i, sl] of input.lines.entries()) {
    const line = lines.get(sl.lineId);
    if (!line) throw DomainError.notFound('orderLine', `lines.${i}.lineId`);
    const total = (adding.get(line.id) ?? 0) + sl.quantity;
    const open = line.quantity - line.shippedQuantity;
    if (total > open + EPS)
      throw new DomainError(
        'BAD_REQUEST',
        `lines.${i}.quantity: line ${line.lineNo} has ${open} ${line.unit} left to ship, not ${total}`,
        `lines.${i}.quantity`,
        { reason: 'over_shipment', params: { lineNo: line.lineNo, open, requested: total } },
      );
    adding.set(line.id, total);
    if (sl.lotId) {
      const lot = await tx.materialLot.findFirst({
        where: { id: sl.lotId, plantId: order.plantId, ...tenantFilter(ctx) },
      });
      if (!lot) throw DomainError.notFound('lot', `lines.${i}.lotId`);
    }
  }
  const count = await tx.shipment.count({ where: { orderId: order.id, ...tenantFilter(ctx) } });
  const shipment = await tx.shipment.create({
    data: {
      tenantId: ctx.tenantId,
      orderId: order.id,
      shipmentNo: `${order.orderNo}-S${count + 1}`,
      shippedAt: input.shippedAt ?? new Date(),
      carrier: input.carrier,
      vehicleNo: input.vehicleNo,
    },
  });
  await tx.shipmentLine.createMany({
    data: input.lines.map((sl) => ({
      tenantId: ctx.tenantId,
      shipmentId: shipment.id,
      lineId: sl.lineId,
      lotId: sl.lotId,
      quantity: sl.quantity,
    })),
  });
  let allShipped = true;
  for (const line of order.lines) {
    const shipped = line.shippedQuantity + (adding.get(line.id) ?? 0);
    const full = shipped >= line.quantity - EPS;
    if (!full && line.status !== 'cancelled') allShipped = false;
    if (adding.has(line.id))
      await tx.salesOrderLine.update({
        where: { id: line.id, ...tenantFilter(ctx) },
        data: { shippedQuantity: shipped, ...(full ? { status: 'shipped' } : {}) },
      });
  }
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind: 'shipment',
    details: {
      shipmentNo: shipment.shipmentNo,
      lines: input.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
    },
  });
  if (allShipped)
    await moveOrderStatus(tx, ctx, order, 'shipped', {
      reason: `shipment ${shipment.shipmentNo} completed the order`,
    });
  await recordAuditEvent(tx, ctx, {
    action: 'order.ship',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo: order.orderNo, shipmentNo: shipment.shipmentNo, complete: allShipped },
  });
  return getOrder(tx, ctx, { id: order.id });
}
