import type { TenantTx } from '@ingot/db';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TAreaDto, toAreaDto } from './to-area-dto.ts';

/** Areas of one plant, by code. NOT_FOUND (on `plantId`) when the plant is not the caller's to see. */
export async function listAreas(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { plantId: string },
): Promise<TAreaDto[]> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const areas = await tx.area.findMany({
    where: { plantId: plant.id, ...tenantFilter(ctx) },
    orderBy: { code: 'asc' },
  });
  return areas.map(toAreaDto);
}
