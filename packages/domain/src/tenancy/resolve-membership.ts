import type { TRole } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';

export interface TResolvedMembership {
  membershipId: string;
  /** A suspended tenant keeps its members, but nobody acts in it. */
  tenantActive: boolean;
  roles: TRole[];
  plantIds: string[];
}

/**
 * The user's membership of the tenant, or null. This is the access check of every tenant-scoped request: the
 * tenant the user picked is taken only if this finds a row.
 */
export async function resolveMembership(
  tx: TenantTx,
  args: { tenantId: string; userId: string },
): Promise<TResolvedMembership | null> {
  const membership = await tx.membership.findFirst({
    where: { tenantId: args.tenantId, userId: args.userId },
    include: {
      plants: { where: { tenantId: args.tenantId }, select: { plantId: true } },
      tenant: { select: { status: true } },
    },
  });
  if (!membership) return null;
  return {
    membershipId: membership.id,
    tenantActive: membership.tenant.status === 'active',
    roles: [...membership.roles],
    plantIds: membership.plants.map((p) => p.plantId).sort(),
  };
}
