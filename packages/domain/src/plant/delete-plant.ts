import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { hasAllPlants } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findPlantInScope } from './find-plant-in-scope.ts';

/**
 * Deletes an empty plant. Refuses while areas hang under it, and while members are limited to it: dropping the
 * last plant of a member's scope list would silently widen that member to every plant.
 */
export async function deletePlant(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<{ id: string }> {
  const plant = await findPlantInScope(tx, ctx, input.id);
  if (!hasAllPlants(ctx)) {
    throw new DomainError(
      'FORBIDDEN',
      'only members with access to all plants can delete a plant',
      undefined,
      {
        reason: 'requires_all_plants',
      },
    );
  }
  const areaCount = await tx.area.count({ where: { plantId: plant.id, ...tenantFilter(ctx) } });
  if (areaCount > 0) {
    throw new DomainError(
      'CONFLICT',
      `the plant still has ${areaCount} area(s); delete or move them first`,
      'id',
      { reason: 'has_children', params: { entity: 'plant', child: 'area', count: areaCount } },
    );
  }
  const scopedMembers = await tx.membershipPlant.count({
    where: { plantId: plant.id, ...tenantFilter(ctx) },
  });
  if (scopedMembers > 0) {
    throw new DomainError(
      'CONFLICT',
      `${scopedMembers} member(s) are limited to this plant; change their plant access first`,
      'id',
      { reason: 'plant_has_scoped_members', params: { count: scopedMembers } },
    );
  }
  await tx.plant.delete({ where: { id: plant.id, ...tenantFilter(ctx) } });
  await recordAuditEvent(tx, ctx, {
    action: 'plant.delete',
    targetType: 'plant',
    targetId: plant.id,
    details: { code: plant.code, name: plant.name },
  });
  return { id: plant.id };
}
