import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { memberInclude } from './member-include.ts';
import { type TMemberDto, toMemberDto } from './to-member-dto.ts';

/** Members of the tenant, by name. */
export async function listMembers(tx: TenantTx, ctx: TTenantContext): Promise<TMemberDto[]> {
  const rows = await tx.membership.findMany({ where: { ...tenantFilter(ctx) }, include: memberInclude });
  return rows.map(toMemberDto).sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
