import type { TFinishOperationInput, TLotDimensions, TLotKind } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { DUPLICATE_LOT_NO } from '../lot/create-lot.ts';
import { lotInclude, type TLotDto, toDimensions, toLotDto } from '../lot/lot-dto.ts';
import { nextLotNos } from '../lot/lot-number.ts';
import { updateLotStatusFrom } from '../lot/update-lot-status.ts';
import { raiseInspectionsForOperation, type TRaisedInspection } from '../quality/raise-inspection.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { advanceOrderFromShopFloor } from './advance-order.ts';
import { findOperationInScope } from './find-operation-in-scope.ts';
import { inputLotsOf } from './operation-lots.ts';
import { MASS_BALANCE_TOLERANCE, outputKindFor, YIELD_TOLERANCE } from './shop-floor-rules.ts';

export interface TYieldCheck {
  /** Good output / input of this operation (null when nothing measurable went in). */
  actual: number | null;
  /** The routing step's yield. */
  routing: number;
  /** actual - routing. */
  deviation: number | null;
  tolerance: number;
  /** |deviation| > tolerance: the planner and quality should look at it. */
  flagged: boolean;
}

export interface TFinishOperationResult {
  operationId: string;
  workOrderId: string;
  workOrderNo: string;
  orderId: string;
  orderNo: string;
  plantId: string;
  equipmentId: string | null;
  actualEnd: Date;
  outputLots: TLotDto[];
  consumedLots: TLotDto[];
  goodT: number;
  scrapT: number;
  yield: TYieldCheck;
  /** Every operation of the work order is done now: it went to completed. */
  workOrderCompleted: boolean;
  /** Every work order of the sales order is done now: the order went to quality_release. */
  orderCompleted: boolean;
  orderStatus: string;
  /** Lab requests raised for the output lots by matching inspection plans (start their labInspection workflows). */
  inspectionRequests: TRaisedInspection[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function common<T>(values: readonly T[]): T | null {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : null;
}

/**
 * Finishes a running operation: the output lots are created (weighed by the operator, or one lot of the good
 * quantity reported so far) and linked to the input lots, which are consumed; the operation is done with its
 * actual end and good/scrap totals (good = the output lots, scrap = reported + finish scrap). The mass balance
 * (outputs + scrap <= inputs, within the weighing tolerance) is enforced; the yield against the routing step's
 * is reported and flagged beyond YIELD_TOLERANCE.
 *
 * Output lots get a generated number, the kind the operation makes, the alloy, heat and cast of their inputs (a
 * casting's come from the operator), on the last operation the order's temper and dimensions. Links: one input
 * and several outputs = split, several inputs and one output = merge, else transform — each carrying the input's
 * mass share in the output.
 *
 * When it was the last open operation of its work order the work order completes; when every work order of the
 * sales order is then completed, the order moves to quality_release.
 */
export async function finishOperation(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TFinishOperationInput,
): Promise<TFinishOperationResult> {
  const op = await findOperationInScope(tx, ctx, input.operationId);
  const wo = op.workOrder;
  const spec = wo.orderLine.spec;
  if (op.status !== 'in_progress') {
    throw new DomainError(
      'CONFLICT',
      `operation seq ${op.seq} (${op.operationCode}) is ${op.status}; only a running operation can finish`,
      'operationId',
      { reason: 'invalid_transition' },
    );
  }
  const inputs = (await inputLotsOf(tx, ctx, [op.id])).get(op.id) ?? [];
  // A lot held during the run and released again is still in the machine: it is consumed like the others.
  const stuck = inputs.find((l) => !['in_process', 'available', 'released'].includes(l.status));
  if (stuck) {
    const why = stuck.status === 'on_hold' ? ' (quality hold); release it before finishing' : '';
    throw new DomainError('CONFLICT', `input lot ${stuck.lotNo} is ${stuck.status}${why}`, 'operationId', {
      reason: 'lot_not_usable',
    });
  }
  const inKg = inputs.reduce((s, l) => s + l.weightKg, 0);

  const outputs =
    input.outputs.length > 0
      ? input.outputs
      : op.goodT > 0
        ? [{ weightKg: Math.round(op.goodT * 1000 * 1000) / 1000 }]
        : [];
  if (outputs.length === 0) {
    throw new DomainError(
      'BAD_REQUEST',
      'nothing to finish with: give the output lots with their weights, or report a good quantity first',
      'outputs',
    );
  }
  const outKg = outputs.reduce((s, o) => s + o.weightKg, 0);
  const scrapT = round6(op.scrapT + input.scrapT);
  if (inKg > 0 && outKg + scrapT * 1000 > inKg * (1 + MASS_BALANCE_TOLERANCE)) {
    throw new DomainError(
      'BAD_REQUEST',
      `outputs (${round6(outKg)} kg) and scrap (${round6(scrapT * 1000)} kg) weigh more than the ${round6(inKg)} kg that went in`,
      'outputs',
      { reason: 'weight_exceeds' },
    );
  }

  const later = await tx.workOrderOperation.count({
    where: { ...tenantFilter(ctx), workOrderId: wo.id, seq: { gt: op.seq }, status: { not: 'cancelled' } },
  });
  const isLast = later === 0;
  const inputKind = common(inputs.map((l) => l.kind));
  const kindOf = (o: { kind?: TLotKind | undefined }): TLotKind =>
    o.kind ??
    outputKindFor({ operationCode: op.operationCode, isLast, productFamily: spec.productFamily, inputKind });
  const keepsForm =
    inputKind !== null && !op.operationCode.includes('rolling') && !op.operationCode.includes('slitting');
  const firstInput = inputs[0];
  const defaultDimensions: TLotDimensions = isLast
    ? {
        thicknessMm: spec.thicknessMm,
        ...(spec.widthMm !== null ? { widthMm: spec.widthMm } : {}),
        ...(spec.lengthMm !== null ? { lengthM: spec.lengthMm / 1000 } : {}),
      }
    : keepsForm && firstInput
      ? toDimensions(firstInput.dimensions)
      : {};

  // Lot numbers: the ones given, the rest drawn per kind in one go.
  const kinds = outputs.map(kindOf);
  const generated = new Map<TLotKind, string[]>();
  for (const kind of new Set(kinds)) {
    const count = outputs.filter((o, i) => !o.lotNo && kinds[i] === kind).length;
    generated.set(kind, await nextLotNos(tx, ctx, wo.plant, kind, count));
  }
  const equipment = op.actualEquipmentId
    ? await tx.equipment.findFirst({
        where: { id: op.actualEquipmentId, ...tenantFilter(ctx) },
        select: { id: true, code: true },
      })
    : null;

  const now = new Date();
  const alloyId = common(inputs.map((l) => l.alloyId)) ?? spec.alloyId;
  const temperId = isLast ? spec.temperId : common(inputs.map((l) => l.temperId));
  const linkKind =
    inputs.length > 1 && outputs.length === 1
      ? 'merge'
      : inputs.length === 1 && outputs.length > 1
        ? 'split'
        : 'transform';
  const outputLots: TLotDto[] = [];
  for (const [i, o] of outputs.entries()) {
    const kind = kinds[i] as TLotKind;
    const lotNo = o.lotNo ?? generated.get(kind)?.shift();
    if (!lotNo) throw new Error('lot number generation returned too few numbers');
    const lot = await tx.materialLot
      .create({
        data: {
          tenantId: ctx.tenantId,
          plantId: wo.plantId,
          lotNo,
          kind,
          status: 'available',
          weightKg: o.weightKg,
          alloyId,
          temperId,
          heatNo: o.heatNo ?? common(inputs.map((l) => l.heatNo)),
          castNo: o.castNo ?? common(inputs.map((l) => l.castNo)),
          dimensions: o.dimensions ?? defaultDimensions,
          location: o.location ?? equipment?.code ?? '',
          workOrderId: wo.id,
          operationId: op.id,
        },
        include: lotInclude,
      })
      .catch((e: unknown) =>
        rethrowConstraintViolation(e, { unique: { ...DUPLICATE_LOT_NO, field: `outputs.${i}.lotNo` } }),
      );
    for (const parent of inputs) {
      await tx.lotLink.create({
        data: {
          tenantId: ctx.tenantId,
          parentLotId: parent.id,
          childLotId: lot.id,
          kind: linkKind,
          weightKg: Math.round(((parent.weightKg * o.weightKg) / outKg) * 1000) / 1000,
          operationId: op.id,
          at: now,
        },
      });
    }
    await tx.operationReport.create({
      data: {
        tenantId: ctx.tenantId,
        operationId: op.id,
        kind: 'output',
        at: now,
        equipmentId: op.actualEquipmentId,
        goodT: o.weightKg / 1000,
        outputLotId: lot.id,
        actorUserId: ctx.userId,
      },
    });
    outputLots.push(toLotDto(lot));
  }
  const consumedLots: TLotDto[] = [];
  for (const lot of inputs) {
    const after = await updateLotStatusFrom(tx, ctx, lot, { status: 'consumed' }, 'operationId');
    consumedLots.push(toLotDto(after));
  }

  const goodT = round6(outKg / 1000);
  await tx.operationReport.create({
    data: {
      tenantId: ctx.tenantId,
      operationId: op.id,
      kind: 'finish',
      at: now,
      equipmentId: op.actualEquipmentId,
      goodT,
      scrapT: input.scrapT,
      note: input.note,
      actorUserId: ctx.userId,
    },
  });
  const closed = await tx.workOrderOperation.updateMany({
    where: { id: op.id, status: 'in_progress', ...tenantFilter(ctx) },
    data: { status: 'done', actualEnd: now, goodT, scrapT },
  });
  if (closed.count !== 1) {
    throw new DomainError(
      'CONFLICT',
      `operation seq ${op.seq} was finished by someone else meanwhile`,
      'operationId',
      { reason: 'invalid_transition' },
    );
  }

  // Quality: output lots that an inspection plan covers after this operation get their lab request now.
  const inspectionRequests = await raiseInspectionsForOperation(tx, ctx, {
    operationId: op.id,
    operationCode: op.operationCode,
    isLast,
    outputLotIds: outputLots.map((l) => l.id),
  });

  const inT = inKg > 0 ? inKg / 1000 : op.inputT;
  const actual = inT > 0 ? round6(goodT / inT) : null;
  const deviation = actual === null ? null : round6(actual - op.step.yield);
  const yieldCheck: TYieldCheck = {
    actual,
    routing: op.step.yield,
    deviation,
    tolerance: YIELD_TOLERANCE,
    flagged: deviation !== null && Math.abs(deviation) > YIELD_TOLERANCE,
  };

  const open = await tx.workOrderOperation.count({
    where: { ...tenantFilter(ctx), workOrderId: wo.id, status: { in: ['pending', 'in_progress'] } },
  });
  const workOrderCompleted = open === 0;
  if (workOrderCompleted) {
    await tx.workOrder.update({ where: { id: wo.id, ...tenantFilter(ctx) }, data: { status: 'completed' } });
  }
  const order = wo.orderLine.order;
  let orderCompleted = false;
  let orderStatus: string = order.status;
  if (workOrderCompleted) {
    const unfinished = await tx.workOrder.count({
      where: {
        ...tenantFilter(ctx),
        orderLine: { ...tenantFilter(ctx), orderId: order.id },
        status: { notIn: ['completed', 'cancelled'] },
      },
    });
    if (unfinished === 0) {
      orderCompleted = true;
      const advanced = await advanceOrderFromShopFloor(
        tx,
        ctx,
        order.id,
        'quality_release',
        `every work order of ${order.orderNo} is completed (last: ${wo.workOrderNo})`,
      );
      if (advanced) orderStatus = advanced.toStatus;
    }
  }
  await recordAuditEvent(tx, ctx, {
    action: 'operation.finish',
    targetType: 'work_order_operation',
    targetId: op.id,
    details: {
      workOrderNo: wo.workOrderNo,
      seq: op.seq,
      operationCode: op.operationCode,
      outputLots: outputLots.map((l) => l.lotNo),
      inputLots: consumedLots.map((l) => l.lotNo),
      goodT,
      scrapT,
      yield: actual,
      yieldFlagged: yieldCheck.flagged,
      workOrderCompleted,
      orderCompleted,
      inspectionRequests: inspectionRequests.map((r) => r.requestNo),
    },
  });
  return {
    operationId: op.id,
    workOrderId: wo.id,
    workOrderNo: wo.workOrderNo,
    orderId: order.id,
    orderNo: order.orderNo,
    plantId: wo.plantId,
    equipmentId: op.actualEquipmentId,
    actualEnd: now,
    outputLots,
    consumedLots,
    goodT,
    scrapT,
    yield: yieldCheck,
    workOrderCompleted,
    orderCompleted,
    orderStatus,
    inspectionRequests,
  };
}
