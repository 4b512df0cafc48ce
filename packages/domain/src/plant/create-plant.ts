import type { TCreatePlantInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { hasAllPlants } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TPlantDto, toPlantDto } from './to-plant-dto.ts';

/** Creates a plant (site). Only a member who reaches every plant may add one: a new plant is outside any scope list. */
export async function createPlant(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreatePlantInput,
): Promise<TPlantDto> {
  if (!hasAllPlants(ctx)) {
    throw new DomainError(
      'FORBIDDEN',
      'only members with access to all plants can create a plant',
      undefined,
      {
        reason: 'requires_all_plants',
      },
    );
  }
  const plant = await tx.plant
    .create({
      data: {
        tenantId: ctx.tenantId,
        code: input.code,
        name: input.name,
        timezone: input.timezone,
        address: input.address,
      },
    })
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
    action: 'plant.create',
    targetType: 'plant',
    targetId: plant.id,
    details: { code: plant.code, name: plant.name },
  });
  return toPlantDto(plant);
}
