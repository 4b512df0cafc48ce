import type { TReportOperationInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { findLotsInScope } from '../lot/find-lot-in-scope.ts';
import type { TLotDto } from '../lot/lot-dto.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOperationInScope } from './find-operation-in-scope.ts';
import { inputLotsOf } from './operation-lots.ts';
import { MASS_BALANCE_TOLERANCE } from './shop-floor-rules.ts';
import { checkInputLots, takeInputLots } from './take-input-lots.ts';

export interface TReportOperationResult {
  operationId: string;
  workOrderId: string;
  orderId: string;
  orderNo: string;
  reportId: string | null;
  /** Lots taken in with this report. */
  inputLots: TLotDto[];
  /** Running totals of the operation after this report (tonnes). */
  goodT: number;
  scrapT: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A partial production report of a running operation: good and scrap tonnes since the last report, appended as an
 * OperationReport and added to the operation's running totals — and/or more lots taken in (checked as at the
 * start: an overlapping operation is fed its predecessor's output this way). The totals may not exceed what went
 * in (the input lots' weight, or the planned input when it took no lots) by more than the weighing tolerance.
 */
export async function reportOperation(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TReportOperationInput,
): Promise<TReportOperationResult> {
  const op = await findOperationInScope(tx, ctx, input.operationId);
  if (op.status !== 'in_progress') {
    throw new DomainError(
      'CONFLICT',
      `operation seq ${op.seq} (${op.operationCode}) is ${op.status}; it is reported on while it runs`,
      'operationId',
      { reason: 'invalid_transition' },
    );
  }
  const added = await findLotsInScope(tx, ctx, input.inputLotIds, 'inputLotIds');
  const fieldOf = (i: number) => `inputLotIds.${i}`;
  checkInputLots(op, added, fieldOf);
  const lots = [...((await inputLotsOf(tx, ctx, [op.id])).get(op.id) ?? []), ...added];
  const inT = lots.length > 0 ? lots.reduce((s, l) => s + l.weightKg, 0) / 1000 : op.inputT;
  const goodT = round6(op.goodT + input.goodT);
  const scrapT = round6(op.scrapT + input.scrapT);
  if (inT > 0 && goodT + scrapT > inT * (1 + MASS_BALANCE_TOLERANCE)) {
    throw new DomainError(
      'BAD_REQUEST',
      `good and scrap would total ${round6(goodT + scrapT)} t, more than the ${round6(inT)} t that went in`,
      input.goodT > 0 ? 'goodT' : 'scrapT',
      { reason: 'weight_exceeds' },
    );
  }
  const now = new Date();
  const equipment = op.actualEquipmentId
    ? await tx.equipment.findFirst({
        where: { id: op.actualEquipmentId, ...tenantFilter(ctx) },
        select: { id: true, code: true },
      })
    : null;
  const taken = await takeInputLots(tx, ctx, op, equipment, added, now, fieldOf);
  let reportId: string | null = null;
  if (input.goodT > 0 || input.scrapT > 0) {
    const report = await tx.operationReport.create({
      data: {
        tenantId: ctx.tenantId,
        operationId: op.id,
        kind: 'quantity',
        at: now,
        equipmentId: op.actualEquipmentId,
        goodT: input.goodT,
        scrapT: input.scrapT,
        note: input.note,
        actorUserId: ctx.userId,
      },
    });
    reportId = report.id;
    // Increment in the database, so two reports at the same moment both count.
    await tx.workOrderOperation.update({
      where: { id: op.id, ...tenantFilter(ctx) },
      data: { goodT: { increment: input.goodT }, scrapT: { increment: input.scrapT } },
    });
  }
  const totals = await tx.workOrderOperation.findFirstOrThrow({
    where: { id: op.id, ...tenantFilter(ctx) },
    select: { goodT: true, scrapT: true },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'operation.report',
    targetType: 'work_order_operation',
    targetId: op.id,
    details: {
      workOrderNo: op.workOrder.workOrderNo,
      seq: op.seq,
      goodT: input.goodT,
      scrapT: input.scrapT,
      totalGoodT: round6(totals.goodT),
      totalScrapT: round6(totals.scrapT),
      inputLots: taken.map((l) => l.lotNo),
    },
  });
  return {
    operationId: op.id,
    workOrderId: op.workOrderId,
    orderId: op.workOrder.orderLine.order.id,
    orderNo: op.workOrder.orderLine.order.orderNo,
    reportId,
    inputLots: taken,
    goodT: round6(totals.goodT),
    scrapT: round6(totals.scrapT),
  };
}
