import { ORDER_STATUS_FLOW, type TOrderStatus } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { advanceOrderStatus } from '../order/order-status.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TOrderAdvance {
  orderId: string;
  fromStatus: TOrderStatus;
  toStatus: TOrderStatus;
}

/**
 * What the shop floor does to an order: moves it forward to `toStatus` when production reaches that point (first
 * operation started -> in_production; every work order done -> quality_release), one step at a time through the
 * order domain's `advanceOrderStatus` (timeline entry per step, open lines follow), including steps it skipped on
 * the way (an order started before its plan was recorded goes confirmed -> planned -> in_production). An order that
 * is already there or beyond, not yet confirmed, or cancelled is left alone (null): production never moves an
 * order backwards and never confirms one. No audit row: the calling mutation writes its own.
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
  const flow: readonly TOrderStatus[] = ORDER_STATUS_FLOW;
  const from = flow.indexOf(order.status);
  const to = flow.indexOf(toStatus);
  if (from < 0 || from >= to) return null;
  for (const step of flow.slice(from + 1, to + 1)) {
    await advanceOrderStatus(tx, ctx, order.id, step, reason);
  }
  return { orderId: order.id, fromStatus: order.status, toStatus };
}
