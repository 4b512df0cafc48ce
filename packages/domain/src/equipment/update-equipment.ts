import type { TUpdateEquipmentInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findEquipmentInScope } from './find-equipment-in-scope.ts';
import { type TEquipmentDto, toEquipmentDto } from './to-equipment-dto.ts';

/** Updates equipment; `attributes`, when given, replaces the whole attribute map. */
export async function updateEquipment(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateEquipmentInput,
): Promise<TEquipmentDto> {
  const equipment = await findEquipmentInScope(tx, ctx, input.id);
  const { id: _id, ...changes } = input;
  const after = await tx.equipment
    .update({ where: { id: equipment.id, ...tenantFilter(ctx) }, data: changes })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'equipment with this code already exists in the plant',
          params: { entity: 'equipment' },
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'equipment.update',
    targetType: 'equipment',
    targetId: equipment.id,
    details: { changed: changedFields(changes) },
  });
  return toEquipmentDto(after);
}
