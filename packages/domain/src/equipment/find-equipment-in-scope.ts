import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The equipment with this id inside the caller's tenant and plant scope, else NOT_FOUND on `field`. */
export async function findEquipmentInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const equipment = await tx.equipment.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
  });
  if (!equipment) throw DomainError.notFound('equipment', field);
  return equipment;
}
