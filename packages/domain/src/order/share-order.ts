import type { TShareOrderInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOrderForChange } from './find-order.ts';
import { ORDER_SHARE_TARGET } from './order-access.ts';
import { addOrderEvent } from './order-events.ts';

export interface TOrderShareResult {
  orderId: string;
  partnershipId: string;
  shared: boolean;
}

async function findPartnership(tx: TenantTx, ctx: TTenantContext, id: string) {
  const p = await tx.partnership.findFirst({ where: { id, ...tenantFilter(ctx) } });
  if (!p) throw DomainError.notFound('partnership', 'partnershipId');
  return p;
}

/** Shares one order with a partnership (e.g. a toll-processing supplier): a policy row, no data is copied. */
export async function shareOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TShareOrderInput,
): Promise<TOrderShareResult> {
  const order = await findOrderForChange(tx, ctx, input.orderId, 'orderId');
  const partnership = await findPartnership(tx, ctx, input.partnershipId);
  if (!partnership.active)
    throw new DomainError('BAD_REQUEST', 'partnershipId: the partnership is inactive', 'partnershipId');
  const existing = await tx.partnerShare.findFirst({
    where: {
      partnershipId: partnership.id,
      targetType: ORDER_SHARE_TARGET,
      targetId: order.id,
      ...tenantFilter(ctx),
    },
  });
  if (!existing)
    await tx.partnerShare.create({
      data: {
        tenantId: ctx.tenantId,
        partnershipId: partnership.id,
        targetType: ORDER_SHARE_TARGET,
        targetId: order.id,
      },
    });
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind: 'shared',
    details: { partnershipId: partnership.id },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'order.share',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo: order.orderNo, partnershipId: partnership.id, alreadyShared: existing !== null },
  });
  return { orderId: order.id, partnershipId: partnership.id, shared: true };
}

/** Withdraws a share: from the next request on, the partner gets NOT_FOUND for the order. */
export async function unshareOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TShareOrderInput,
): Promise<TOrderShareResult> {
  const order = await findOrderForChange(tx, ctx, input.orderId, 'orderId');
  const partnership = await findPartnership(tx, ctx, input.partnershipId);
  const removed = await tx.partnerShare.deleteMany({
    where: {
      partnershipId: partnership.id,
      targetType: ORDER_SHARE_TARGET,
      targetId: order.id,
      ...tenantFilter(ctx),
    },
  });
  await addOrderEvent(tx, ctx, {
    orderId: order.id,
    kind: 'unshared',
    details: { partnershipId: partnership.id },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'order.unshare',
    targetType: 'sales_order',
    targetId: order.id,
    details: { orderNo: order.orderNo, partnershipId: partnership.id, removed: removed.count },
  });
  return { orderId: order.id, partnershipId: partnership.id, shared: false };
}
