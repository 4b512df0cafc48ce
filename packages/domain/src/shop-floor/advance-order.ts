import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

type TOrderStatus =
  | 'entered'
  | 'confirmed'
  | 'planned'
  | 'in_production'
  | 'quality_release'
  | 'ready'
  | 'shipped'
  | 'cancelled';

/** The order flow, in order; production moves an order only forwards along it. */
const FLOW: readonly TOrderStatus[] = [
  'entered',
  'confirmed',
  'planned',
  'in_production',
  'quality_release',
  'ready',
  'shipped',
];

export interface TOrderAdvance {
  orderId: string;
  fromStatus: TOrderStatus;
  toStatus: TOrderStatus;
}

/**
 * What the shop floor does to an order: moves it forward to `toStatus` when production reaches that point
 * (first operation started -> in_production; every work order done -> quality_release), through any steps it
 * skipped on the way (an order started before its plan was recorded goes confirmed -> planned -> in_production),
 * each step written as a `status_changed` timeline entry and mirrored on its open lines. An order that is
 * already there or beyond, or not yet confirmed, or cancelled, is left alone (null): production never moves an
 * order backwards or confirms it.
 *
 * The order domain (packages/domain/src/order) owns the order's rules; its `advanceOrderStatus` was not exported
 * when the shop floor needed it, so this writes the same rows (order, open lines, timeline entry) itself. It is
 * the single place to switch to that function.
 */
export async function advanceOrderFromShopFloor(
  tx: TenantTx,
  ctx: TTenantContext,
  orderId: string,
  toStatus: 'in_production' | 'quality_release',
  reason: string,
): Promise<TOrderAdvance | null> {
  const order = await tx.salesOrder.findFirst({
    where: { id: orderId, ...tenantFilter(ctx) },
    select: { id: true, status: true },
  });
  if (!order || order.status === 'cancelled' || order.status === 'entered') return null;
  const from = FLOW.indexOf(order.status);
  const to = FLOW.indexOf(toStatus);
  if (from >= to) return null;
  for (let i = from; i < to; i++) {
    const step = { from: FLOW[i] as TOrderStatus, to: FLOW[i + 1] as TOrderStatus };
    await tx.salesOrder.update({ where: { id: order.id, ...tenantFilter(ctx) }, data: { status: step.to } });
    await tx.salesOrderLine.updateMany({
      where: { orderId: order.id, ...tenantFilter(ctx), status: { notIn: ['shipped', 'cancelled'] } },
      data: { status: step.to },
    });
    await tx.salesOrderEvent.create({
      data: {
        tenantId: ctx.tenantId,
        orderId: order.id,
        kind: 'status_changed',
        fromStatus: step.from,
        toStatus: step.to,
        details: { reason, source: 'shop_floor' },
        actorUserId: ctx.userId,
      },
    });
  }
  return { orderId: order.id, fromStatus: order.status, toStatus };
}
