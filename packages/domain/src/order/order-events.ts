import type { TOrderStatus } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

/** Kinds of timeline entries an order gets. */
/** Kinds of timeline entries the order domain writes (other domains add their own, e.g. plan_published). */
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
/** Who writes to an order's timeline: a member, or a workflow acting for the tenant (no user). */
export type TOrderScope = Pick<TTenantContext, 'tenantId' | 'plantIds'> & { userId?: string | null };

export async function addOrderEvent(
  tx: TenantTx,
  ctx: TOrderScope,
  e: {
    orderId: string;
    kind: TOrderEventKind | (string & {});
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
      actorUserId: ctx.userId || null,
    },
  });
}
