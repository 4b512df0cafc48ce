import type { TenantTx } from '@ingot/db';
import { routingOperationMinutes } from '../routing/operation-minutes.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import type { TOrderScope } from './order-events.ts';

export interface TPromiseDateResult {
  /** The order's promised date: the latest of its lines'. */
  promisedDate: Date;
  perLine: Array<{ lineId: string; promisedDate: Date; earliestFinish: Date }>;
  /** Which rule computed it (shown in the order's timeline). */
  method: string;
}

/**
 * Capable-to-promise, as order confirmation needs it: called inside the confirming transaction after the work
 * orders exist. The planning domain's `capableToPromise` (finite-capacity, on the current plan) is wired in by
 * the API; `routingLoadPromiseDate` below is the documented fallback.
 */
export type TPromiseDateProvider = (
  tx: TenantTx,
  ctx: TOrderScope,
  input: { orderId: string },
) => Promise<TPromiseDateResult>;

const MINUTE = 60_000;

/**
 * Earliest finish by routing times and current load (infinite-capacity list scheduling, one pass):
 * the order's work orders in line order, their operations in sequence; each operation goes to the eligible
 * equipment (in the order's plant) on which it finishes first, starting no earlier than (a) the end of its
 * previous operation, (b) the end of that equipment's last assignment in the plant's published plan, (c) the end
 * of an open downtime window on it, and (d) the end of what this order already put on it. Operation time is the
 * routing rate (t/h, m/min at the finished section, hours per furnace charge) plus fixed minutes. A line is
 * promised max(requested date, earliest finish). Shift calendars are not applied (none are modelled yet), which
 * makes the promise optimistic by the non-working time.
 */
export const routingLoadPromiseDate: TPromiseDateProvider = async (tx, ctx, input) => {
  const now = new Date();
  const order = await tx.salesOrder.findFirstOrThrow({
    where: { id: input.orderId, ...tenantFilter(ctx) },
    include: {
      lines: {
        orderBy: { lineNo: 'asc' },
        include: {
          spec: { include: { alloy: { select: { density: true } } } },
          workOrders: {
            where: { status: { not: 'cancelled' } },
            include: {
              operations: {
                orderBy: { seq: 'asc' },
                include: {
                  step: {
                    include: {
                      equipment: { include: { equipment: { select: { plantId: true, attributes: true } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const plan = await tx.planVersion.findFirst({
    where: { plantId: order.plantId, status: 'published', ...tenantFilter(ctx) },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
  const freeAt = new Map<string, number>();
  if (plan) {
    const ends = await tx.planAssignment.groupBy({
      by: ['equipmentId'],
      where: { planId: plan.id, ...tenantFilter(ctx) },
      _max: { end: true },
    });
    for (const e of ends) if (e._max.end) freeAt.set(e.equipmentId, e._max.end.getTime());
  }
  const downtimes = await tx.equipmentDowntime.findMany({
    where: { ...tenantFilter(ctx), start: { lte: now }, OR: [{ end: null }, { end: { gt: now } }] },
    select: { equipmentId: true, end: true },
  });
  const down = new Map<string, number>();
  for (const d of downtimes) down.set(d.equipmentId, d.end ? d.end.getTime() : Number.POSITIVE_INFINITY);

  const perLine: TPromiseDateResult['perLine'] = [];
  for (const line of order.lines) {
    let t = now.getTime();
    for (const wo of line.workOrders) {
      for (const op of wo.operations) {
        if (op.status === 'done' || op.status === 'cancelled') continue;
        let best: { equipmentId: string; end: number } | null = null;
        for (const se of op.step.equipment) {
          if (se.equipment.plantId !== order.plantId) continue;
          const attrs = (se.equipment.attributes ?? {}) as Record<string, unknown>;
          const minutes = routingOperationMinutes(
            {
              rate: se.rate,
              rateUnit: se.rateUnit,
              fixedMinutes: se.fixedMinutes,
              batchCapacityT: typeof attrs.batchCapacityT === 'number' ? attrs.batchCapacityT : null,
            },
            {
              inputT: op.inputT,
              thicknessMm: line.spec.thicknessMm,
              widthMm: line.spec.widthMm,
              density: line.spec.alloy.density,
            },
          );
          if (minutes === null) continue;
          const start = Math.max(t, freeAt.get(se.equipmentId) ?? 0, down.get(se.equipmentId) ?? 0);
          if (!Number.isFinite(start)) continue;
          const end = start + minutes * MINUTE;
          if (!best || end < best.end) best = { equipmentId: se.equipmentId, end };
        }
        if (best) {
          freeAt.set(best.equipmentId, best.end);
          t = best.end;
        }
      }
    }
    const earliestFinish = new Date(t);
    const promisedDate = earliestFinish > line.requestedDate ? earliestFinish : line.requestedDate;
    perLine.push({ lineId: line.id, promisedDate, earliestFinish });
  }
  const promisedDate = perLine.reduce((max, l) => (l.promisedDate > max ? l.promisedDate : max), now);
  return { promisedDate, perLine, method: 'routing-times-and-published-plan-load' };
};
