import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * How many tenant_admin memberships the tenant has besides `membershipId`. Filtered in code: Prisma 7.10's
 * `has`/`hasSome` on an enum array fails on the PGlite adapter ("malformed array literal").
 */
export async function countOtherAdmins(
  tx: TenantTx,
  ctx: TTenantContext,
  membershipId: string,
): Promise<number> {
  const others = await tx.membership.findMany({
    where: { ...tenantFilter(ctx), id: { not: membershipId } },
    select: { roles: true },
  });
  return others.filter((m) => m.roles.includes('tenant_admin')).length;
}
