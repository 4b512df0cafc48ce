import type { TUpdatePlantInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findPlantInScope } from './find-plant-in-scope.ts';
import { type TPlantDto, toPlantDto } from './to-plant-dto.ts';

export async function updatePlant(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdatePlantInput,
): Promise<TPlantDto> {
  const before = await findPlantInScope(tx, ctx, input.id);
  const { id, ...changes } = input;
  const after = await tx.plant
    .update({ where: { id: before.id, ...tenantFilter(ctx) }, data: changes })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'a plant with this code already exists',
          params: { entity: 'plant' },
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'plant.update',
    targetType: 'plant',
    targetId: id,
    details: { changed: changedFields(changes) },
  });
  return toPlantDto(after);
}
