import type { TenantTx } from '@ingot/db';
import { type TAreaDto, toAreaDto } from '../area/to-area-dto.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import { type TPlantDto, toPlantDto } from '../plant/to-plant-dto.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TWorkCenterDto, toWorkCenterDto } from '../work-center/to-work-center-dto.ts';
import { compareCodes } from './compare-codes.ts';
import { type TEquipmentDto, toEquipmentDto } from './to-equipment-dto.ts';

export interface TEquipmentTree {
  plant: TPlantDto;
  areas: Array<TAreaDto & { workCenters: Array<TWorkCenterDto & { equipment: TEquipmentDto[] }> }>;
}

/** The ISA-95 hierarchy of one plant: plant -> areas -> lines -> equipment, each level ordered by code. */
export async function getEquipmentTree(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { plantId: string },
): Promise<TEquipmentTree> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const where = { plantId: plant.id, ...tenantFilter(ctx) };
  const [areas, lines, equipment] = await Promise.all([
    tx.area.findMany({ where }),
    tx.workCenter.findMany({ where }),
    tx.equipment.findMany({ where }),
  ]);
  return {
    plant: toPlantDto(plant),
    areas: areas.sort(compareCodes).map((area) => ({
      ...toAreaDto(area),
      workCenters: lines
        .filter((l) => l.areaId === area.id)
        .sort(compareCodes)
        .map((line) => ({
          ...toWorkCenterDto(line),
          equipment: equipment
            .filter((e) => e.workCenterId === line.id)
            .sort(compareCodes)
            .map(toEquipmentDto),
        })),
    })),
  };
}
