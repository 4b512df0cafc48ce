import type { TOrderStatus } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

/** Kinds of timeline entries an order gets. */
export type TOrderEventKind =
  | 'created'
  | 'updated'
  | 'confirmed'
  | 'status_changed'
  | 'shipment'
  | 'cancelled'
  | 'shared'
  | 'unshared';

/** Appends one entry to the order's timeline (append-only: the app role cannot update or delete it). */
export async function addOrderEvent(
  tx: TenantTx,
  ctx: TTenantContext,
  e: {
    orderId: string;
    kind: TOrderEventKind;
    lineId?: string | null;
    fromStatus?: TOrderStatus | null;
    toStatus?: TOrderStatus | null;
    details?: Prisma.InputJsonObject;
  },
): Promise<void> {
  await tx.salesOrderEvent.create({
    data: {
      tenantId: ctx.tenantId,
      orderId: e.orderId,
      lineId: e.lineId ?? null,
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      details: e.details ?? {},
      actorUserId: ctx.userId,
    },
  });
}
