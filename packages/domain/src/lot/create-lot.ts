import type { TCreateLotInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { lotInclude, type TLotDto, toLotDto } from './lot-dto.ts';
import { nextLotNo } from './lot-number.ts';
import { resolveAlloyTemper } from './resolve-material.ts';

export const DUPLICATE_LOT_NO = {
  field: 'lotNo',
  message: 'a lot with this number already exists',
  params: { entity: 'lot' },
} as const;

/**
 * Receives a lot into a plant (purchased ingot, billets from another site, a coil bought in, or a cast recorded
 * by hand): its number is generated per plant and kind when not given.
 */
export async function createLot(tx: TenantTx, ctx: TTenantContext, input: TCreateLotInput): Promise<TLotDto> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  await resolveAlloyTemper(tx, ctx, input);
  const lotNo = input.lotNo ?? (await nextLotNo(tx, ctx, plant, input.kind));
  const lot = await tx.materialLot
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: plant.id,
        lotNo,
        kind: input.kind,
        status: input.status,
        weightKg: input.weightKg,
        alloyId: input.alloyId ?? null,
        temperId: input.temperId ?? null,
        heatNo: input.heatNo ?? null,
        castNo: input.castNo ?? null,
        dimensions: input.dimensions,
        location: input.location,
      },
      include: lotInclude,
    })
    .catch((e: unknown) => rethrowConstraintViolation(e, { unique: DUPLICATE_LOT_NO }));
  await recordAuditEvent(tx, ctx, {
    action: 'lot.create',
    targetType: 'lot',
    targetId: lot.id,
    details: {
      lotNo: lot.lotNo,
      kind: lot.kind,
      weightKg: lot.weightKg,
      status: lot.status,
      heatNo: lot.heatNo,
      castNo: lot.castNo,
      note: input.note,
    },
  });
  return toLotDto(lot);
}
