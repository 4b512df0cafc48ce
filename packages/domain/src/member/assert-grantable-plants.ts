import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { hasAllPlants, plantScopeOnPlant } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * Checks that the caller may give a member this plant scope: every plant must be the tenant's and inside the
 * caller's own scope (NOT_FOUND on `plantIds` otherwise), and only a caller who reaches every plant may grant
 * every plant (an empty list).
 */
export async function assertGrantablePlants(
  tx: TenantTx,
  ctx: TTenantContext,
  plantIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(plantIds)].sort();
  if (unique.length === 0) {
    if (!hasAllPlants(ctx)) {
      throw new DomainError(
        'FORBIDDEN',
        'you can only grant access to plants you can reach yourself',
        'plantIds',
        { reason: 'grant_outside_scope' },
      );
    }
    return unique;
  }
  const found = await tx.plant.count({
    where: { id: { in: unique }, ...tenantFilter(ctx), AND: [plantScopeOnPlant(ctx)] },
  });
  if (found !== unique.length) throw DomainError.notFound('plant', 'plantIds');
  return unique;
}
