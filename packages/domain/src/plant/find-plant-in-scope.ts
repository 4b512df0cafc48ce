import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnPlant } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * The plant with this id, if it belongs to the caller's tenant and plant scope; otherwise NOT_FOUND (on `field`),
 * the same answer as for an id that does not exist.
 */
export async function findPlantInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const plant = await tx.plant.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnPlant(ctx)] },
  });
  if (!plant) throw DomainError.notFound('plant', field);
  return plant;
}
