import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findEquipmentInScope } from './find-equipment-in-scope.ts';

export async function deleteEquipment(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<{ id: string }> {
  const equipment = await findEquipmentInScope(tx, ctx, input.id);
  await tx.equipment.delete({ where: { id: equipment.id, ...tenantFilter(ctx) } });
  await recordAuditEvent(tx, ctx, {
    action: 'equipment.delete',
    targetType: 'equipment',
    targetId: equipment.id,
    details: { plantId: equipment.plantId, code: equipment.code, name: equipment.name },
  });
  return { id: equipment.id };
}
