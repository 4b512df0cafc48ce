import type { TenantTx } from '@ingot/db';
import { plantScopeOnPlant } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TPlantDto, toPlantDto } from './to-plant-dto.ts';

export interface TPlantListItem extends TPlantDto {
  areaCount: number;
  workCenterCount: number;
  equipmentCount: number;
}

/** Plants of the tenant the member may see, by code, with the size of each hierarchy level. */
export async function listPlants(tx: TenantTx, ctx: TTenantContext): Promise<TPlantListItem[]> {
  const plants = await tx.plant.findMany({
    where: { ...tenantFilter(ctx), AND: [plantScopeOnPlant(ctx)] },
    orderBy: { code: 'asc' },
  });
  if (plants.length === 0) return [];
  const plantIds = plants.map((p) => p.id);
  const childWhere = { ...tenantFilter(ctx), plantId: { in: plantIds } };
  const [areas, lines, equipment] = await Promise.all([
    tx.area.groupBy({ by: ['plantId'], where: childWhere, _count: { _all: true } }),
    tx.workCenter.groupBy({ by: ['plantId'], where: childWhere, _count: { _all: true } }),
    tx.equipment.groupBy({ by: ['plantId'], where: childWhere, _count: { _all: true } }),
  ]);
  const count = (rows: { plantId: string; _count: { _all: number } }[], id: string) =>
    rows.find((r) => r.plantId === id)?._count._all ?? 0;
  return plants.map((p) => ({
    ...toPlantDto(p),
    areaCount: count(areas, p.id),
    workCenterCount: count(lines, p.id),
    equipmentCount: count(equipment, p.id),
  }));
}
