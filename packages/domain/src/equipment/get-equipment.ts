import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { findEquipmentInScope } from './find-equipment-in-scope.ts';
import { type TEquipmentDto, toEquipmentDto } from './to-equipment-dto.ts';

export async function getEquipment(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TEquipmentDto> {
  return toEquipmentDto(await findEquipmentInScope(tx, ctx, input.id));
}
