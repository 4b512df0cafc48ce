import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { memberInclude } from './member-include.ts';

/** The membership with this id in the caller's tenant, else NOT_FOUND on `field`. */
export async function findMemberInTenant(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const member = await tx.membership.findFirst({
    where: { id, ...tenantFilter(ctx) },
    include: memberInclude,
  });
  if (!member) throw DomainError.notFound('member', field);
  return member;
}
