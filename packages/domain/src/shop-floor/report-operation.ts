import type { TReportOperationInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOperationInScope } from './find-operation-in-scope.ts';
import { inputLotsOf } from './operation-lots.ts';
import { MASS_BALANCE_TOLERANCE } from './shop-floor-rules.ts';

export interface TReportOperationResult {
  operationId: string;
  workOrderId: string;
  orderId: string;
  orderNo: string;
  reportId: string;
  /** Running totals of the operation after this report (tonnes). */
  goodT: number;
  scrapT: number;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A partial production report of a running operation: good and scrap tonnes since the last report, appended as an
 * OperationReport and added to the operation's running totals. The totals may not exceed what went in (the input
 * lots' weight, or the planned input when it took no lots) by more than the weighing tolerance.
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
      `operation seq ${op.seq} (${op.operationCode}) is ${op.status}; quantities are reported while it runs`,
      'operationId',
    );
  }
  const lots = (await inputLotsOf(tx, ctx, [op.id])).get(op.id) ?? [];
  const inT = lots.length > 0 ? lots.reduce((s, l) => s + l.weightKg, 0) / 1000 : op.inputT;
  const goodT = round6(op.goodT + input.goodT);
  const scrapT = round6(op.scrapT + input.scrapT);
  if (inT > 0 && goodT + scrapT > inT * (1 + MASS_BALANCE_TOLERANCE)) {
    throw new DomainError(
      'BAD_REQUEST',
      `good and scrap would total ${round6(goodT + scrapT)} t, more than the ${round6(inT)} t that went in`,
      input.goodT > 0 ? 'goodT' : 'scrapT',
    );
  }
  const report = await tx.operationReport.create({
    data: {
      tenantId: ctx.tenantId,
      operationId: op.id,
      kind: 'quantity',
      equipmentId: op.actualEquipmentId,
      goodT: input.goodT,
      scrapT: input.scrapT,
      note: input.note,
      actorUserId: ctx.userId,
    },
  });
  await tx.workOrderOperation.update({
    where: { id: op.id, ...tenantFilter(ctx) },
    data: { goodT, scrapT },
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
      totalGoodT: goodT,
      totalScrapT: scrapT,
    },
  });
  return {
    operationId: op.id,
    workOrderId: op.workOrderId,
    orderId: op.workOrder.orderLine.order.id,
    orderNo: op.workOrder.orderLine.order.orderNo,
    reportId: report.id,
    goodT,
    scrapT,
  };
}
