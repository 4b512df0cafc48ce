import type { Prisma, TenantTx } from '@ingot/db';
import { orderVisibilityWhere, resolveOrderAccess } from '../order/order-access.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * The certificates the caller may read, as a where-fragment: the certificates of shipments of orders the caller
 * may read (the order rules of order-access.ts, reused). A customer's partner member is narrowed further to orders
 * of the customer its own partnership is (an order merely shared with the partnership is not theirs to certify).
 */
export async function certificateVisibilityWhere(
  tx: TenantTx,
  ctx: TTenantContext,
): Promise<Prisma.CertificateWhereInput> {
  const access = await resolveOrderAccess(tx, ctx);
  const order: Prisma.SalesOrderWhereInput = orderVisibilityWhere(ctx, access);
  if (access.kind === 'internal') return { ...tenantFilter(ctx), shipment: { ...tenantFilter(ctx), order } };
  const own: Prisma.SalesOrderWhereInput =
    access.partnershipId && access.ownCustomerOrders
      ? { customer: { ...tenantFilter(ctx), partnershipId: access.partnershipId } }
      : { id: { in: [] } };
  return { ...tenantFilter(ctx), shipment: { ...tenantFilter(ctx), order: { AND: [order, own] } } };
}
