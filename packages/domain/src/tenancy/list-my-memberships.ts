import type { TRole } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';

export interface TMyMembership {
  membershipId: string;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  tenantDefaultLocale: string;
  roles: TRole[];
}

/**
 * The tenants the user belongs to (for the tenant switcher). Runs in a `withUser` transaction, where RLS lets
 * a user read their own memberships across tenants and nothing else. (Plant scopes are tenant-scoped rows and
 * not visible here: the tenant procedure resolves them inside the tenant.)
 */
export async function listMyMemberships(tx: TenantTx, args: { userId: string }): Promise<TMyMembership[]> {
  const rows = await tx.membership.findMany({
    where: { userId: args.userId, tenant: { status: 'active' } },
    include: { tenant: true },
  });
  return rows
    .map((m) => ({
      membershipId: m.id,
      tenantId: m.tenantId,
      tenantSlug: m.tenant.slug,
      tenantName: m.tenant.name,
      tenantDefaultLocale: m.tenant.defaultLocale,
      roles: [...m.roles],
    }))
    .sort((a, b) => a.tenantName.localeCompare(b.tenantName, 'zh-CN'));
}
