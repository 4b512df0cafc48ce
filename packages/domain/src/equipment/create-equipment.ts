import type { TCreateEquipmentInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { findWorkCenterInScope } from '../work-center/find-work-center-in-scope.ts';
import { type TEquipmentDto, toEquipmentDto } from './to-equipment-dto.ts';

export async function createEquipment(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateEquipmentInput,
): Promise<TEquipmentDto> {
  const line = await findWorkCenterInScope(tx, ctx, input.workCenterId, 'workCenterId');
  const equipment = await tx.equipment
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: line.plantId,
        workCenterId: line.id,
        code: input.code,
        name: input.name,
        class: input.class,
        attributes: input.attributes,
      },
    })
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
    action: 'equipment.create',
    targetType: 'equipment',
    targetId: equipment.id,
    details: {
      plantId: equipment.plantId,
      workCenterId: line.id,
      code: equipment.code,
      class: equipment.class,
    },
  });
  return toEquipmentDto(equipment);
}
