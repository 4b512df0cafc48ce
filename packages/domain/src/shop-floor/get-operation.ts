import type { TenantTx } from '@ingot/db';
import { lotInclude, type TLotDto, toLotDto } from '../lot/lot-dto.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findOperationInScope } from './find-operation-in-scope.ts';
import { inputLotsOf } from './operation-lots.ts';
import { specSummary } from './shop-floor-rules.ts';

export interface TOperationDetail {
  operationId: string;
  seq: number;
  operationCode: string;
  stepName: string;
  status: string;
  workOrderId: string;
  workOrderNo: string;
  workOrderStatus: string;
  orderId: string;
  orderNo: string;
  specSummary: string;
  inputT: number;
  goodT: number;
  scrapT: number;
  routingYield: number;
  actualStart: Date | null;
  actualEnd: Date | null;
  actualEquipmentId: string | null;
  inputLots: TLotDto[];
  outputLots: TLotDto[];
  /** The operator's reports, oldest first (start, input, quantity, output, finish). */
  reports: Array<{
    id: string;
    kind: string;
    at: Date;
    equipmentId: string | null;
    goodT: number;
    scrapT: number;
    /** The lot taken in (`input`) or produced (`output`). */
    inputLotId: string | null;
    outputLotId: string | null;
    note: string;
    actorUserId: string | null;
  }>;
}

/** One operation as the operator's screen shows it: the order, lots in and out, and every report. */
export async function getOperation(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { operationId: string },
): Promise<TOperationDetail> {
  const op = await findOperationInScope(tx, ctx, input.operationId);
  const [reports, outputs, inputs] = await Promise.all([
    tx.operationReport.findMany({
      where: { ...tenantFilter(ctx), operationId: op.id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    }),
    tx.materialLot.findMany({
      where: { ...tenantFilter(ctx), operationId: op.id },
      include: lotInclude,
      orderBy: { lotNo: 'asc' },
    }),
    inputLotsOf(tx, ctx, [op.id]),
  ]);
  return {
    operationId: op.id,
    seq: op.seq,
    operationCode: op.operationCode,
    stepName: op.step.name,
    status: op.status,
    workOrderId: op.workOrderId,
    workOrderNo: op.workOrder.workOrderNo,
    workOrderStatus: op.workOrder.status,
    orderId: op.workOrder.orderLine.order.id,
    orderNo: op.workOrder.orderLine.order.orderNo,
    specSummary: specSummary(op.workOrder.orderLine.spec),
    inputT: op.inputT,
    goodT: op.goodT,
    scrapT: op.scrapT,
    routingYield: op.step.yield,
    actualStart: op.actualStart,
    actualEnd: op.actualEnd,
    actualEquipmentId: op.actualEquipmentId,
    inputLots: (inputs.get(op.id) ?? []).map(toLotDto),
    outputLots: outputs.map(toLotDto),
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      at: r.at,
      equipmentId: r.equipmentId,
      goodT: r.goodT,
      scrapT: r.scrapT,
      inputLotId: r.inputLotId,
      outputLotId: r.outputLotId,
      note: r.note,
      actorUserId: r.actorUserId,
    })),
  };
}
