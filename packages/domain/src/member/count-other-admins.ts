import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** How many tenant_admin memberships the tenant has besides `membershipId`. */
export async function countOtherAdmins(tx: TenantTx, ctx: TTenantContext, membershipId: string): Promise<number> {
  return tx.membership.count({
    where: { ...tenantFilter(ctx), id: { not: membershipId }, roles: { has: 'tenant_admin' } },
  });
}
