import type { TEquipmentClass } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findWorkCenterInScope } from '../work-center/find-work-center-in-scope.ts';
import { type TEquipmentDto, toEquipmentDto } from './to-equipment-dto.ts';

export interface TListEquipmentInput {
  plantId?: string | undefined;
  workCenterId?: string | undefined;
  class?: TEquipmentClass | undefined;
}

/** Equipment in the caller's scope, optionally of one plant / line / class, by code. */
export async function listEquipment(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListEquipmentInput,
): Promise<TEquipmentDto[]> {
  const plant = input.plantId ? await findPlantInScope(tx, ctx, input.plantId, 'plantId') : null;
  const line = input.workCenterId
    ? await findWorkCenterInScope(tx, ctx, input.workCenterId, 'workCenterId')
    : null;
  const rows = await tx.equipment.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(plant ? { plantId: plant.id } : {}),
      ...(line ? { workCenterId: line.id } : {}),
      ...(input.class ? { class: input.class } : {}),
      AND: [plantScopeOnChild(ctx)],
    },
    orderBy: { code: 'asc' },
  });
  return rows.map(toEquipmentDto);
}
