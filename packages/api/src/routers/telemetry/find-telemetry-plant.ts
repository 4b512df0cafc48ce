import type { TenantTx } from '@ingot/db';
import { DomainError, plantScopeOnPlant, type TTenantContext, tenantFilter } from '@ingot/domain';

/**
 * The plant of a telemetry request, looked up with the tenant and the member's plant scope in the query. Another
 * tenant's plant, a plant outside the member's plants and a missing one all answer NOT_FOUND on `plantId`.
 */
export async function findTelemetryPlant(tx: TenantTx, scope: TTenantContext, plantId: string) {
  const plant = await tx.plant.findFirst({
    where: { id: plantId, ...tenantFilter(scope), AND: [plantScopeOnPlant(scope)] },
    select: { id: true, code: true, name: true, timezone: true },
  });
  if (!plant) throw DomainError.notFound('plant', 'plantId');
  return plant;
}

/** Equipment of that plant (already scope-checked), by code. */
export function plantEquipment(tx: TenantTx, scope: TTenantContext, plantId: string) {
  return tx.equipment.findMany({
    where: { plantId, ...tenantFilter(scope) },
    select: { id: true, code: true, name: true, class: true },
    orderBy: { code: 'asc' },
  });
}
