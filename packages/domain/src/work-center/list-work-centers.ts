import type { TenantTx } from '@ingot/db';
import { findAreaInScope } from '../area/find-area-in-scope.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TWorkCenterDto, toWorkCenterDto } from './to-work-center-dto.ts';

export interface TListWorkCentersInput {
  areaId?: string | undefined;
  plantId?: string | undefined;
}

/**
 * Lines of one area, of one plant, or (neither given) of every plant in the caller's scope, by code.
 * A parent outside the tenant or the scope answers NOT_FOUND on its field.
 */
export async function listWorkCenters(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListWorkCentersInput,
): Promise<TWorkCenterDto[]> {
  const area = input.areaId ? await findAreaInScope(tx, ctx, input.areaId, 'areaId') : null;
  const plant = input.plantId ? await findPlantInScope(tx, ctx, input.plantId, 'plantId') : null;
  const rows = await tx.workCenter.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(area ? { areaId: area.id } : {}),
      ...(plant ? { plantId: plant.id } : {}),
      AND: [plantScopeOnChild(ctx)],
    },
    orderBy: [{ code: 'asc' }],
  });
  return rows.map(toWorkCenterDto);
}
