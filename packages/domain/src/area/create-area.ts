import type { TCreateAreaInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TAreaDto, toAreaDto } from './to-area-dto.ts';

export async function createArea(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateAreaInput,
): Promise<TAreaDto> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const area = await tx.area
    .create({ data: { tenantId: ctx.tenantId, plantId: plant.id, code: input.code, name: input.name } })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'an area with this code already exists in the plant',
          params: { entity: 'area' },
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'area.create',
    targetType: 'area',
    targetId: area.id,
    details: { plantId: plant.id, code: area.code, name: area.name },
  });
  return toAreaDto(area);
}
