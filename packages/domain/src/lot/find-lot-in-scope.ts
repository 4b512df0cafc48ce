import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { lotInclude } from './lot-dto.ts';

/**
 * The lot with this id inside the caller's tenant and plant scope, else NOT_FOUND on `field` — the same answer
 * for another tenant's lot, a lot of a plant outside the member's scope, and an id that does not exist.
 */
export async function findLotInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const lot = await tx.materialLot.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    include: lotInclude,
  });
  if (!lot) throw DomainError.notFound('lot', field);
  return lot;
}

/** Several lots by id (each in scope, else NOT_FOUND on `field.<index>`), in the order given. */
export async function findLotsInScope(
  tx: TenantTx,
  ctx: TTenantContext,
  ids: readonly string[],
  field: string,
) {
  const rows = await tx.materialLot.findMany({
    where: { id: { in: [...ids] }, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    include: lotInclude,
  });
  return ids.map((id, i) => {
    const lot = rows.find((r) => r.id === id);
    if (!lot) throw DomainError.notFound('lot', `${field}.${i}`);
    return lot;
  });
}
