import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The plant's current plan: its newest published version (publishing supersedes the one before), or null. */
export async function publishedPlanOf(tx: TenantTx, ctx: TTenantContext, plantId: string) {
  return tx.planVersion.findFirst({
    where: { ...tenantFilter(ctx), plantId, status: 'published' },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, publishedAt: true, frozenUntil: true },
  });
}
