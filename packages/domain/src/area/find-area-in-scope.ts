import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The area with this id inside the caller's tenant and plant scope, else NOT_FOUND on `field`. */
export async function findAreaInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const area = await tx.area.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
  });
  if (!area) throw DomainError.notFound('area', field);
  return area;
}
