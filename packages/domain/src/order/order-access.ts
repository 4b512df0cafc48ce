import type { Prisma, TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The partnership scope that lets a customer's members read the customer's own orders. */
export const ORDERS_READ_SCOPE = 'orders.read';
export const ORDER_SHARE_TARGET = 'sales_order';

/**
 * What of the tenant's orders the caller may read. Plant staff: every order of the plants in their scope.
 * Partner members (role supplier or customer, or any membership tied to a partnership): only what their ACTIVE
 * partnership shares — a customer's own orders when the partnership has the `orders.read` scope, plus orders
 * shared with it by PartnerShare rows. Everything else is invisible (NOT_FOUND, like a missing order).
 */
export type TOrderAccess =
  | { kind: 'internal' }
  | { kind: 'partner'; partnershipId: string | null; ownCustomerOrders: boolean; sharedOrderIds: string[] };

export function isPartnerMember(ctx: Pick<TTenantContext, 'roles'>): boolean {
  return ctx.roles.some((r) => r === 'supplier' || r === 'customer');
}

export async function resolveOrderAccess(tx: TenantTx, ctx: TTenantContext): Promise<TOrderAccess> {
  const membership = await tx.membership.findFirst({
    where: { id: ctx.membershipId, ...tenantFilter(ctx) },
    select: {
      partnershipId: true,
      partnership: { select: { id: true, active: true, scopes: true } },
    },
  });
  if (!isPartnerMember(ctx) && !membership?.partnershipId) return { kind: 'internal' };
  const partnership = membership?.partnership;
  if (!partnership || !partnership.active)
    return { kind: 'partner', partnershipId: null, ownCustomerOrders: false, sharedOrderIds: [] };
  // Scopes are checked in code: Prisma's array filters fail on PGlite (ARCHITECTURE.md).
  const ownCustomerOrders = ctx.roles.includes('customer') && partnership.scopes.includes(ORDERS_READ_SCOPE);
  const shares = await tx.partnerShare.findMany({
    where: { partnershipId: partnership.id, targetType: ORDER_SHARE_TARGET, ...tenantFilter(ctx) },
    select: { targetId: true },
  });
  return {
    kind: 'partner',
    partnershipId: partnership.id,
    ownCustomerOrders,
    sharedOrderIds: shares.map((s) => s.targetId),
  };
}

/** The where-fragment of the orders the caller may read: part of every order query (CONVENTIONS #2). */
export function orderVisibilityWhere(
  ctx: Pick<TTenantContext, 'tenantId' | 'plantIds'>,
  access: TOrderAccess,
): Prisma.SalesOrderWhereInput {
  const base: Prisma.SalesOrderWhereInput = { ...tenantFilter(ctx), ...plantScopeOnChild(ctx) };
  if (access.kind === 'internal') return base;
  const or: Prisma.SalesOrderWhereInput[] = [];
  if (access.partnershipId && access.ownCustomerOrders)
    or.push({ customer: { partnershipId: access.partnershipId } });
  if (access.sharedOrderIds.length > 0) or.push({ id: { in: access.sharedOrderIds } });
  return { ...base, AND: [or.length > 0 ? { OR: or } : { id: { in: [] } }] };
}
