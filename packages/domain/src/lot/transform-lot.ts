import type { TTransformLotInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findOperationInScope } from '../shop-floor/find-operation-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { DUPLICATE_LOT_NO } from './create-lot.ts';
import { findLotInScope } from './find-lot-in-scope.ts';
import { lotInclude, type TLotDto, toDimensions, toLotDto } from './lot-dto.ts';
import { nextLotNo } from './lot-number.ts';
import { assertLotTransition, assertLotUsable, formatKg, WEIGHT_EPSILON_KG } from './lot-transition.ts';
import { resolveAlloyTemper } from './resolve-material.ts';
import { updateLotStatusFrom } from './update-lot-status.ts';

export interface TTransformLotResult {
  input: TLotDto;
  output: TLotDto;
  /** Input weight minus output weight: the process loss (scale, trim, evaporation). */
  lossKg: number;
}

/**
 * Transforms one lot into another through an operation (a slab hot-rolled into a coil, a coil annealed): the
 * input is consumed, the output is produced with a `transform` link carrying the input's weight. The output
 * weighs at most the input; alloy, heat and cast numbers carry over, the temper may change.
 */
export async function transformLot(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TTransformLotInput,
): Promise<TTransformLotResult> {
  const source = await findLotInScope(tx, ctx, input.id);
  const operation = input.operationId
    ? await findOperationInScope(tx, ctx, input.operationId, 'operationId')
    : null;
  if (operation && operation.workOrder.plantId !== source.plantId) {
    throw new DomainError(
      'BAD_REQUEST',
      'the operation belongs to another plant than the lot',
      'operationId',
      { reason: 'plant_mismatch' },
    );
  }
  assertLotUsable(source, 'id', { allowInProcess: operation !== null });
  assertLotTransition(source, 'consumed', 'id');
  if (input.output.weightKg > source.weightKg + WEIGHT_EPSILON_KG) {
    throw new DomainError(
      'BAD_REQUEST',
      `the output weighs ${formatKg(input.output.weightKg)}, more than lot ${source.lotNo} (${formatKg(source.weightKg)})`,
      'output.weightKg',
      { reason: 'weight_exceeds' },
    );
  }
  const temperId = input.output.temperId ?? source.temperId;
  await resolveAlloyTemper(
    tx,
    ctx,
    { alloyId: source.alloyId, temperId },
    { alloyId: 'id', temperId: 'output.temperId' },
  );
  const plant = await tx.plant.findFirstOrThrow({
    where: { id: source.plantId, ...tenantFilter(ctx) },
    select: { code: true, timezone: true },
  });
  const kind = input.output.kind ?? source.kind;
  const lotNo = input.output.lotNo ?? (await nextLotNo(tx, ctx, plant, kind));
  const output = await tx.materialLot
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: source.plantId,
        lotNo,
        kind,
        status: 'available',
        weightKg: input.output.weightKg,
        alloyId: source.alloyId,
        temperId,
        heatNo: source.heatNo,
        castNo: source.castNo,
        dimensions: input.output.dimensions ?? toDimensions(source.dimensions),
        location: input.output.location ?? source.location,
        workOrderId: operation?.workOrderId ?? source.workOrderId,
        operationId: operation?.id ?? null,
      },
      include: lotInclude,
    })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, { unique: { ...DUPLICATE_LOT_NO, field: 'output.lotNo' } }),
    );
  await tx.lotLink.create({
    data: {
      tenantId: ctx.tenantId,
      parentLotId: source.id,
      childLotId: output.id,
      kind: 'transform',
      weightKg: source.weightKg,
      operationId: operation?.id ?? null,
    },
  });
  const after = await updateLotStatusFrom(tx, ctx, source, { status: 'consumed' }, 'id');
  const lossKg = Math.round((source.weightKg - output.weightKg) * 1000) / 1000;
  await recordAuditEvent(tx, ctx, {
    action: 'lot.transform',
    targetType: 'lot',
    targetId: output.id,
    details: {
      lotNo: output.lotNo,
      from: source.lotNo,
      weightKg: output.weightKg,
      lossKg,
      operationId: operation?.id ?? null,
      note: input.note,
    },
  });
  return { input: toLotDto(after), output: toLotDto(output), lossKg };
}
