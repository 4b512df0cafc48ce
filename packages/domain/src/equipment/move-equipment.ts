import type { TMoveEquipmentInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findWorkCenterInScope } from '../work-center/find-work-center-in-scope.ts';
import { findEquipmentInScope } from './find-equipment-in-scope.ts';
import { type TEquipmentDto, toEquipmentDto } from './to-equipment-dto.ts';

/**
 * Moves equipment to another line, possibly of another plant. Both the current and the target plant must be in
 * the caller's scope (either side outside answers NOT_FOUND on its field).
 */
export async function moveEquipment(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TMoveEquipmentInput,
): Promise<TEquipmentDto> {
  const equipment = await findEquipmentInScope(tx, ctx, input.id);
  const target = await findWorkCenterInScope(tx, ctx, input.workCenterId, 'workCenterId');
  const after = await tx.equipment
    .update({
      where: { id: equipment.id, ...tenantFilter(ctx) },
      data: { workCenterId: target.id, plantId: target.plantId },
    })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'workCenterId',
          message: 'the target plant already has equipment with the same code',
          reason: 'move_code_conflict',
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'equipment.move',
    targetType: 'equipment',
    targetId: equipment.id,
    details: {
      fromWorkCenterId: equipment.workCenterId,
      toWorkCenterId: target.id,
      fromPlantId: equipment.plantId,
      toPlantId: target.plantId,
    },
  });
  return toEquipmentDto(after);
}
