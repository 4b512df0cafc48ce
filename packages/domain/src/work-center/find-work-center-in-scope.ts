import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The line / work centre with this id inside the caller's tenant and plant scope, else NOT_FOUND on `field`. */
export async function findWorkCenterInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const line = await tx.workCenter.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
  });
  if (!line) throw DomainError.notFound('line', field);
  return line;
}
