import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TOrderPartnershipDto {
  id: string;
  kind: 'supplier' | 'customer';
  active: boolean;
  scopes: string[];
  /** The tenant's customers linked to it (a customer organisation's label). */
  customers: Array<{ id: string; code: string; name: string }>;
  /** Its members in this tenant (a supplier organisation's label: the partner tenant's own name is not ours to read). */
  members: Array<{ email: string; displayName: string }>;
}

/** The tenant's partnerships, to pick whom to share an order with (order.share). */
export async function listOrderPartnerships(
  tx: TenantTx,
  ctx: TTenantContext,
): Promise<TOrderPartnershipDto[]> {
  const rows = await tx.partnership.findMany({
    where: { ...tenantFilter(ctx) },
    include: {
      customers: {
        where: { ...tenantFilter(ctx) },
        select: { id: true, code: true, name: true },
        orderBy: { code: 'asc' },
      },
      members: {
        where: { ...tenantFilter(ctx) },
        select: { user: { select: { email: true, displayName: true } } },
      },
    },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    active: p.active,
    scopes: [...p.scopes],
    customers: p.customers,
    members: p.members.map((m) => m.user).sort((a, b) => a.email.localeCompare(b.email)),
  }));
}
