import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { pieceWeightKg, SPEC_INCLUDE } from '../master-data/product-specs.ts';
import { selectRoutingForSpec } from '../routing/select-routing.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { inputFormFor } from './input-material.ts';

export interface TGeneratedWorkOrder {
  id: string;
  workOrderNo: string;
  lineId: string;
  routingCode: string;
  outputT: number;
  inputT: number;
  created: boolean;
}

/** Rounds tonnes to the kilogram. */
const kg = (t: number) => Math.round(t * 1000) / 1000;

/**
 * Makes one work order per order line (idempotent: a line that already has a live work order keeps it):
 * the most specific active routing for the line's spec, output tonnes (pieces x piece weight), input tonnes =
 * output / the route's cumulative yield, the input material (form from the first operation + alloy), one
 * operation per routing step with the tonnes entering it, release date now, due date the line's promised (else
 * requested) date. Writes no audit row: it runs inside the calling mutation (order.confirm).
 */
export async function generateWorkOrders(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { orderId: string },
): Promise<TGeneratedWorkOrder[]> {
  const order = await tx.salesOrder.findFirst({
    where: { id: input.orderId, ...tenantFilter(ctx) },
    include: {
      lines: {
        orderBy: { lineNo: 'asc' },
        include: {
          spec: { include: SPEC_INCLUDE },
          workOrders: {
            where: { status: { not: 'cancelled' } },
            include: { routing: { select: { code: true } } },
          },
        },
      },
    },
  });
  if (!order) throw DomainError.notFound('order', 'id');
  const now = new Date();
  const out: TGeneratedWorkOrder[] = [];
  for (const line of order.lines) {
    if (line.status === 'cancelled') continue;
    const existing = line.workOrders[0];
    if (existing) {
      out.push({
        id: existing.id,
        workOrderNo: existing.workOrderNo,
        lineId: line.id,
        routingCode: existing.routing.code,
        outputT: existing.outputT,
        inputT: existing.inputT,
        created: false,
      });
      continue;
    }
    const spec = line.spec;
    const label = `line ${line.lineNo} (${spec.code})`;
    const selection = await selectRoutingForSpec(tx, ctx, spec);
    if (!selection)
      throw new DomainError(
        'CONFLICT',
        `${label}: no active routing for ${spec.productFamily} ${spec.alloy.code}-${spec.temper.code}; add one first`,
        'id',
        { reason: 'no_routing', params: { lineNo: line.lineNo, spec: spec.code } },
      );
    const routing = selection.routing;
    for (const step of routing.steps) {
      if (!step.equipment.some((e) => e.plantId === order.plantId))
        throw new DomainError(
          'CONFLICT',
          `${label}: routing ${routing.code} step ${step.seq} (${step.operationCode}) has no eligible equipment in the order's plant`,
          'id',
          {
            reason: 'plant_mismatch',
            params: { lineNo: line.lineNo, routing: routing.code, step: step.seq },
          },
        );
    }
    let outputT: number;
    if (line.unit === 't') outputT = line.quantity;
    else {
      const w = pieceWeightKg(spec);
      if (w === null)
        throw new DomainError(
          'CONFLICT',
          `${label}: pieces cannot be converted to tonnes (no piece weight)`,
          'id',
        );
      outputT = (line.quantity * w) / 1000;
    }
    const inputT = outputT / routing.cumulativeYield;
    const first = routing.steps[0];
    const wo = await tx.workOrder.create({
      data: {
        tenantId: ctx.tenantId,
        plantId: order.plantId,
        workOrderNo: `WO-${order.orderNo}-${line.lineNo}`,
        orderLineId: line.id,
        routingId: routing.id,
        outputT: kg(outputT),
        inputT: kg(inputT),
        inputMaterial: {
          form: inputFormFor(first?.operationCode ?? '', spec.productFamily),
          alloy: spec.alloy.code,
          tonnes: kg(inputT),
        },
        releaseDate: now,
        dueDate: line.promisedDate ?? line.requestedDate,
      },
    });
    let entering = inputT;
    await tx.workOrderOperation.createMany({
      data: routing.steps.map((step, i) => {
        const row = {
          tenantId: ctx.tenantId,
          workOrderId: wo.id,
          seq: (i + 1) * 10,
          stepId: step.id,
          operationCode: step.operationCode,
          inputT: kg(entering),
        };
        entering *= step.yield;
        return row;
      }),
    });
    out.push({
      id: wo.id,
      workOrderNo: wo.workOrderNo,
      lineId: line.id,
      routingCode: routing.code,
      outputT: wo.outputT,
      inputT: wo.inputT,
      created: true,
    });
  }
  return out;
}
