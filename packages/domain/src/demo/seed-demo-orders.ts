import type { TenantTx } from '@ingot/db';
import { foilGaugeTolerance, lookupThicknessTolerance } from '../master-data/thickness-tolerance.ts';
import { addOrderEvent } from '../order/order-events.ts';
import { routingLoadPromiseDate } from '../order/promise-date-provider.ts';
import { selectRoutingForSpec } from '../routing/select-routing.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { generateWorkOrders } from '../work-order/generate-work-orders.ts';
import { DEMO_ALLOYS, DEMO_ALUMINIUM_TEMPERS, DEMO_COPPER_TEMPERS } from './demo-metals.ts';
import type { TDemoOrderBook, TDemoSpec } from './demo-orders-data.ts';

const DAY = 86_400_000;

function specTolerance(spec: TDemoSpec): { minus: number; plus: number; source: string } {
  if (spec.tolerance.kind === 'explicit') return spec.tolerance;
  if (spec.tolerance.kind === 'foil') {
    const t = foilGaugeTolerance(spec.thicknessMm);
    if (!t) throw new Error(`demo spec ${spec.code}: no foil gauge row`);
    return { minus: t.plusMinusMm, plus: t.plusMinusMm, source: `foil gauge practice (${t.source})` };
  }
  const t = lookupThicknessTolerance({
    alloyCode: spec.alloy,
    thicknessMm: spec.thicknessMm,
    widthMm: spec.widthMm ?? 0,
    grade: 'en485',
  });
  if (!t.found) throw new Error(`demo spec ${spec.code}: ${t.reason}`);
  return { minus: t.plusMinusMm, plus: t.plusMinusMm, source: `${t.standard}, ${t.note} (${t.source})` };
}

/**
 * Whether every spec has a routing whose steps all have equipment in the plant. A database seeded before the
 * routing equipment existed keeps its demo orders entered instead of failing the start.
 */
async function routable(tx: TenantTx, ctx: TTenantContext, specCodes: string[], plantId: string) {
  for (const code of specCodes) {
    const spec = await tx.productSpec.findFirst({ where: { tenantId: ctx.tenantId, code } });
    const chosen = spec ? await selectRoutingForSpec(tx, ctx, spec) : null;
    if (!chosen || chosen.routing.steps.some((s) => !s.equipment.some((e) => e.plantId === plantId)))
      return false;
  }
  return true;
}

/**
 * Master data, routings and demo orders of one tenant. Like the rest of the seed: rows are inserted when missing
 * (by code), never updated, and no audit rows are written (the seed is not somebody's action). A routing whose
 * equipment is missing (a plant seeded before that equipment existed) is skipped rather than half-made.
 */
export async function seedDemoOrderBook(
  tx: TenantTx,
  ctx: TTenantContext,
  book: TDemoOrderBook,
  plants: Record<string, string>,
): Promise<void> {
  const tenantId = ctx.tenantId;
  const family = book.tenantSlug === 'jiangnan-copper' ? 'copper' : 'aluminium';
  await tx.alloy.createMany({
    data: DEMO_ALLOYS.filter((a) => a.family === family).map((a) => ({
      tenantId,
      code: a.code,
      family: a.family,
      name: a.name,
      standard: `${a.standard} · composition ${a.compositionSource}, density ${a.densitySource} (shared/domain/alloys.json)`,
      density: a.density,
      composition: a.composition,
    })),
    skipDuplicates: true,
  });
  const tempers = family === 'copper' ? DEMO_COPPER_TEMPERS : DEMO_ALUMINIUM_TEMPERS;
  await tx.temper.createMany({
    data: tempers.map((t) => ({
      tenantId,
      code: t.code,
      family: t.family,
      description: `${t.description} (${t.source})`,
    })),
    skipDuplicates: true,
  });
  await tx.customer.createMany({
    data: book.customers.map((c) => ({ tenantId, ...c })),
    skipDuplicates: true,
  });
  const byCode = async () => ({
    alloys: new Map((await tx.alloy.findMany({ where: { tenantId } })).map((r) => [r.code, r.id])),
    tempers: new Map((await tx.temper.findMany({ where: { tenantId, family } })).map((r) => [r.code, r.id])),
    customers: new Map((await tx.customer.findMany({ where: { tenantId } })).map((r) => [r.code, r.id])),
    equipment: new Map(
      (await tx.equipment.findMany({ where: { tenantId } })).map((r) => [
        r.code,
        { id: r.id, plantId: r.plantId },
      ]),
    ),
  });
  const ids = await byCode();
  const need = <T>(m: Map<string, T>, code: string, what: string): T => {
    const v = m.get(code);
    if (v === undefined) throw new Error(`demo seed: no ${what} ${code}`);
    return v;
  };
  await tx.productSpec.createMany({
    data: book.specs.map((s) => {
      const tol = specTolerance(s);
      return {
        tenantId,
        code: s.code,
        productFamily: s.productFamily,
        alloyId: need(ids.alloys, s.alloy, 'alloy'),
        temperId: need(ids.tempers, s.temper, 'temper'),
        customerId: s.customer ? need(ids.customers, s.customer, 'customer') : null,
        thicknessMm: s.thicknessMm,
        thicknessTolMinus: tol.minus,
        thicknessTolPlus: tol.plus,
        widthMm: s.widthMm,
        widthTolMinus: s.widthTol?.[0] ?? null,
        widthTolPlus: s.widthTol?.[1] ?? null,
        lengthMm: s.lengthMm,
        coilWeightKg: s.coilWeightKg,
        innerDiameterMm: s.innerDiameterMm,
        outerDiameterMm: s.outerDiameterMm,
        surface: s.surface,
        toleranceSource: tol.source,
      };
    }),
    skipDuplicates: true,
  });
  for (const r of book.routings) {
    const exists = await tx.routingTemplate.findFirst({
      where: { tenantId, code: r.code },
      select: { id: true },
    });
    if (exists) continue;
    if (r.steps.some((s) => s.rates.some((e) => !ids.equipment.has(e.equipment)))) continue;
    const routing = await tx.routingTemplate.create({
      data: {
        tenantId,
        code: r.code,
        name: r.name,
        productFamily: r.productFamily,
        alloyId: r.alloy ? need(ids.alloys, r.alloy, 'alloy') : null,
        temperId: r.temper ? need(ids.tempers, r.temper, 'temper') : null,
      },
    });
    for (const [i, s] of r.steps.entries()) {
      const step = await tx.routingStep.create({
        data: {
          tenantId,
          routingId: routing.id,
          seq: (i + 1) * 10,
          operationCode: s.op,
          name: s.name,
          yield: s.yield,
          recipe: s.recipe ?? null,
        },
      });
      await tx.routingStepEquipment.createMany({
        data: s.rates.map((e) => ({
          tenantId,
          stepId: step.id,
          equipmentId: need(ids.equipment, e.equipment, 'equipment').id,
          rate: e.rate,
          rateUnit: e.unit,
          fixedMinutes: e.fixedMinutes ?? 0,
        })),
      });
    }
  }
  const specs = new Map((await tx.productSpec.findMany({ where: { tenantId } })).map((s) => [s.code, s.id]));
  const now = Date.now();
  for (const o of book.orders) {
    const exists = await tx.salesOrder.findFirst({
      where: { tenantId, orderNo: o.orderNo },
      select: { id: true },
    });
    const plantId = plants[o.plant];
    if (exists || !plantId) continue;
    const dates = o.lines.map((l) => new Date(Math.ceil((now + l.inDays * DAY) / DAY) * DAY));
    const order = await tx.salesOrder.create({
      data: {
        tenantId,
        plantId,
        orderNo: o.orderNo,
        customerId: need(ids.customers, o.customer, 'customer'),
        customerPo: o.customerPo,
        requestedDate: dates.reduce((a, b) => (a < b ? a : b)),
        createdById: ctx.userId || null,
      },
    });
    await tx.salesOrderLine.createMany({
      data: o.lines.map((l, i) => ({
        tenantId,
        orderId: order.id,
        lineNo: (i + 1) * 10,
        specId: need(specs, l.spec, 'spec'),
        quantity: l.quantity,
        unit: l.unit,
        requestedDate: dates[i] as Date,
      })),
    });
    await addOrderEvent(tx, ctx, {
      orderId: order.id,
      kind: 'created',
      toStatus: 'entered',
      details: { seed: true },
    });
    if (
      !o.confirm ||
      !(await routable(
        tx,
        ctx,
        o.lines.map((l) => l.spec),
        plantId,
      ))
    )
      continue;
    const wos = await generateWorkOrders(tx, ctx, { orderId: order.id });
    const promise = await routingLoadPromiseDate(tx, ctx, { orderId: order.id });
    for (const l of promise.perLine) {
      await tx.salesOrderLine.update({
        where: { id: l.lineId },
        data: { promisedDate: l.promisedDate, status: 'confirmed' },
      });
      await tx.workOrder.updateMany({
        where: { tenantId, orderLineId: l.lineId },
        data: { dueDate: l.promisedDate },
      });
    }
    await tx.salesOrder.update({
      where: { id: order.id },
      data: { status: 'confirmed', promisedDate: promise.promisedDate, confirmedAt: new Date(now) },
    });
    await addOrderEvent(tx, ctx, {
      orderId: order.id,
      kind: 'confirmed',
      fromStatus: 'entered',
      toStatus: 'confirmed',
      details: {
        promisedDate: promise.promisedDate.toISOString(),
        method: promise.method,
        workOrders: wos.map((w) => w.workOrderNo),
        seed: true,
      },
    });
  }
}
