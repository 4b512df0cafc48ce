import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { findPlantInScope } from './find-plant-in-scope.ts';
import { type TPlantDto, toPlantDto } from './to-plant-dto.ts';

export async function getPlant(tx: TenantTx, ctx: TTenantContext, input: { id: string }): Promise<TPlantDto> {
  return toPlantDto(await findPlantInScope(tx, ctx, input.id));
}
