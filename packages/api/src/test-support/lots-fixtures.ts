/**
 * Test data for the lot and shop-floor suites, written straight with Prisma inside the tenant's own transaction
 * (RLS in force): master data (found or created by code, so the demo seed may add the same alloys), an order with
 * one work order and its operations, and the plant's published plan with the operations' slots on machines.
 * Also the cross-tenant and bad-input cases of lot.* and shopFloor.* for the API-wide sweeps.
 */
import { type Db, type TenantTx, tenantIdForSlug, withTenant } from '@ingot/db';
import type { TestDatabase } from '@ingot/testing';

export interface TStepFixture {
  /** routing operation code: casting, hot_rolling, cold_rolling, slitting, ... */
  code: string;
  /** The demo machine (by code, in the plant) it is planned on and eligible for. */
  equipmentCode: string;
  yield: number;
  /** Minutes from now of the planned slot (defaults: one 2 h slot after the other). */
  startMin?: number;
  endMin?: number;
}

export interface TProductionFixture {
  tenantId: string;
  plantId: string;
  alloyId: string;
  temperId: string;
  orderId: string;
  orderNo: string;
  workOrderId: string;
  workOrderNo: string;
  planId: string;
  operations: Array<{ id: string; seq: number; code: string; equipmentId: string; equipmentCode: string }>;
  equipment: Record<string, string>;
}

async function alloyOf(tx: TenantTx, tenantId: string, code: string, family: 'aluminium' | 'copper') {
  const found = await tx.alloy.findFirst({ where: { tenantId, code } });
  return (
    found ?? tx.alloy.create({ data: { tenantId, code, family, name: code, standard: 'GB/T 3190-2020' } })
  );
}

async function temperOf(tx: TenantTx, tenantId: string, code: string, family: 'aluminium' | 'copper') {
  const found = await tx.temper.findFirst({ where: { tenantId, code, family } });
  return found ?? tx.temper.create({ data: { tenantId, code, family } });
}

/** The alloy and temper ids of a tenant (found or created), for lots made by hand in tests. */
export async function materialOf(db: Db, slug: string, alloy = '3003', temper = 'H14') {
  const tenantId = tenantIdForSlug(slug);
  const family = alloy.startsWith('C') ? 'copper' : 'aluminium';
  return withTenant(db, { tenantId }, async (tx) => ({
    alloyId: (await alloyOf(tx, tenantId, alloy, family)).id,
    temperId: (await temperOf(tx, tenantId, temper, family)).id,
  }));
}

/** Plant id by code. */
export async function plantIdOf(db: Db, slug: string, plantCode: string): Promise<string> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const plant = await tx.plant.findFirst({ where: { tenantId, code: plantCode } });
    if (!plant) throw new Error(`no plant ${plantCode} in ${slug}`);
    return plant.id;
  });
}

/**
 * One sales order (status `orderStatus`, default planned) for 3003-H14 strip, one released work order with an
 * operation per step, all pending, and slots for them in the plant's published plan (created at version 1 when
 * the plant has none).
 */
export async function createProductionFixture(
  db: Db,
  opts: {
    slug: string;
    plantCode: string;
    orderNo: string;
    steps: TStepFixture[];
    orderStatus?: 'entered' | 'confirmed' | 'planned';
    inputT?: number;
  },
): Promise<TProductionFixture> {
  const tenantId = tenantIdForSlug(opts.slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const plant = await tx.plant.findFirst({ where: { tenantId, code: opts.plantCode } });
    if (!plant) throw new Error(`no plant ${opts.plantCode}`);
    const equipment: Record<string, string> = {};
    for (const s of opts.steps) {
      const e = await tx.equipment.findFirst({
        where: { tenantId, plantId: plant.id, code: s.equipmentCode },
      });
      if (!e) throw new Error(`no equipment ${s.equipmentCode} in ${opts.plantCode}`);
      equipment[s.equipmentCode] = e.id;
    }
    const alloy = await alloyOf(tx, tenantId, '3003', 'aluminium');
    const temper = await temperOf(tx, tenantId, 'H14', 'aluminium');
    const customer =
      (await tx.customer.findFirst({ where: { tenantId, code: 'FX-CUST' } })) ??
      (await tx.customer.create({ data: { tenantId, code: 'FX-CUST', name: '佛山铝箔包装有限公司' } }));
    const spec =
      (await tx.productSpec.findFirst({ where: { tenantId, code: 'FX-3003-H14-1.0x1250' } })) ??
      (await tx.productSpec.create({
        data: {
          tenantId,
          code: 'FX-3003-H14-1.0x1250',
          productFamily: 'strip_coil',
          alloyId: alloy.id,
          temperId: temper.id,
          thicknessMm: 1.0,
          thicknessTolMinus: 0.03,
          thicknessTolPlus: 0.03,
          widthMm: 1250,
          widthTolMinus: 0,
          widthTolPlus: 2,
          coilWeightKg: 5000,
          innerDiameterMm: 505,
          outerDiameterMm: 1600,
        },
      }));
    const routing = await tx.routingTemplate.create({
      data: {
        tenantId,
        code: `FX-R-${opts.orderNo}`,
        name: `Route ${opts.orderNo}`,
        productFamily: 'strip_coil',
        alloyId: alloy.id,
      },
    });
    const steps = [];
    for (const [i, s] of opts.steps.entries()) {
      const step = await tx.routingStep.create({
        data: {
          tenantId,
          routingId: routing.id,
          seq: (i + 1) * 10,
          operationCode: s.code,
          name: s.code.replace('_', ' '),
          yield: s.yield,
        },
      });
      await tx.routingStepEquipment.create({
        data: {
          tenantId,
          stepId: step.id,
          equipmentId: equipment[s.equipmentCode] as string,
          rate: 20,
          rateUnit: 't_per_h',
        },
      });
      steps.push(step);
    }
    const due = new Date(Date.now() + 14 * 86_400_000);
    const order = await tx.salesOrder.create({
      data: {
        tenantId,
        plantId: plant.id,
        orderNo: opts.orderNo,
        customerId: customer.id,
        status: opts.orderStatus ?? 'planned',
        requestedDate: due,
        confirmedAt: new Date(),
      },
    });
    const line = await tx.salesOrderLine.create({
      data: {
        tenantId,
        orderId: order.id,
        lineNo: 1,
        specId: spec.id,
        quantity: 20,
        requestedDate: due,
        status: opts.orderStatus ?? 'planned',
      },
    });
    const inputT = opts.inputT ?? 24;
    const wo = await tx.workOrder.create({
      data: {
        tenantId,
        plantId: plant.id,
        workOrderNo: `WO-${opts.orderNo}-1`,
        orderLineId: line.id,
        routingId: routing.id,
        status: 'released',
        outputT: 20,
        inputT,
        inputMaterial: { form: 'slab', alloy: '3003' },
        releaseDate: new Date(),
        dueDate: due,
      },
    });
    let plan = await tx.planVersion.findFirst({
      where: { tenantId, plantId: plant.id, status: 'published' },
      orderBy: { version: 'desc' },
    });
    if (!plan) {
      plan = await tx.planVersion.create({
        data: {
          tenantId,
          plantId: plant.id,
          version: 1,
          status: 'published',
          trigger: 'manual',
          horizonStart: new Date(),
          frozenUntil: new Date(),
          publishedAt: new Date(),
        },
      });
    }
    const operations: TProductionFixture['operations'] = [];
    let t = inputT;
    for (const [i, s] of opts.steps.entries()) {
      const step = steps[i];
      if (!step) throw new Error('step missing');
      const op = await tx.workOrderOperation.create({
        data: {
          tenantId,
          workOrderId: wo.id,
          seq: step.seq,
          stepId: step.id,
          operationCode: s.code,
          inputT: Math.round(t * 1000) / 1000,
        },
      });
      t *= s.yield;
      const startMin = s.startMin ?? 30 + i * 120;
      const endMin = s.endMin ?? startMin + 110;
      await tx.planAssignment.create({
        data: {
          tenantId,
          planId: plan.id,
          operationId: op.id,
          equipmentId: equipment[s.equipmentCode] as string,
          start: new Date(Date.now() + startMin * 60_000),
          end: new Date(Date.now() + endMin * 60_000),
          setupMinutes: i === 0 ? 25 : 10,
        },
      });
      operations.push({
        id: op.id,
        seq: op.seq,
        code: s.code,
        equipmentId: equipment[s.equipmentCode] as string,
        equipmentCode: s.equipmentCode,
      });
    }
    return {
      tenantId,
      plantId: plant.id,
      alloyId: alloy.id,
      temperId: temper.id,
      orderId: order.id,
      orderNo: order.orderNo,
      workOrderId: wo.id,
      workOrderNo: wo.workOrderNo,
      planId: plan.id,
      operations,
      equipment,
    };
  });
}

/** A shipment of `orderId` carrying `lotId` (shipments are the order domain's; tests only need the rows). */
export async function shipLotFixture(
  db: Db,
  slug: string,
  opts: { orderId: string; lotId: string; shipmentNo: string; quantity: number },
): Promise<string> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const line = await tx.salesOrderLine.findFirst({ where: { tenantId, orderId: opts.orderId } });
    if (!line) throw new Error('order has no line');
    const shipment = await tx.shipment.create({
      data: {
        tenantId,
        orderId: opts.orderId,
        shipmentNo: opts.shipmentNo,
        shippedAt: new Date(),
        carrier: '顺丰物流',
        vehicleNo: '粤B12345',
      },
    });
    await tx.shipmentLine.create({
      data: {
        tenantId,
        shipmentId: shipment.id,
        lineId: line.id,
        lotId: opts.lotId,
        quantity: opts.quantity,
      },
    });
    return shipment.id;
  });
}

/** Audit rows of a tenant (as the owner), oldest first. */
export async function auditActions(
  database: TestDatabase,
  tenantId: string,
): Promise<Array<{ action: string; target_id: string | null }>> {
  return database.ownerQuery<{ action: string; target_id: string | null }>(
    'SELECT action, target_id::text AS target_id FROM audit_event WHERE tenant_id = $1 ORDER BY seq',
    [tenantId],
  );
}

// ---------------------------------------------------------------------------------------------------------
// Cases for the API-wide sweeps (cross-tenant-sweep and validation), to be spread into their case lists.

export interface TSweepIds {
  plant: string;
  equipment: string;
  lot: string;
  operation: string;
}

/**
 * One lot and one pending operation per demo tenant (east-china-al plant RP, jiangnan-copper plant CSP), so the
 * cross-tenant sweep has real rows of B to aim at.
 */
export async function seedSweepLots(
  db: Db,
): Promise<{ a: Omit<TSweepIds, 'plant' | 'equipment'>; b: Omit<TSweepIds, 'plant' | 'equipment'> }> {
  const one = async (slug: string, plantCode: string, equipmentCode: string) => {
    const f = await createProductionFixture(db, {
      slug,
      plantCode,
      orderNo: `SWEEP-${plantCode}`,
      steps: [{ code: 'cold_rolling', equipmentCode, yield: 0.97 }],
    });
    const tenantId = tenantIdForSlug(slug);
    const lot = await withTenant(db, { tenantId }, (tx) =>
      tx.materialLot.create({
        data: {
          tenantId,
          plantId: f.plantId,
          lotNo: `SWEEP-${plantCode}-1`,
          kind: 'coil',
          weightKg: 8000,
          alloyId: f.alloyId,
          heatNo: `H-SWEEP-${plantCode}`,
        },
      }),
    );
    return { lot: lot.id, operation: f.operations[0]?.id as string };
  };
  return { a: await one('east-china-al', 'RP', 'CM-1'), b: await one('jiangnan-copper', 'CSP', 'CM-1') };
}

type TCase = { path: string; input?: unknown; expect: 'reject' | 'ok' };

/** Valid inputs of every lot.* / shopFloor.* procedure that point at B's rows: each must be refused. */
export function lotSweepCases(a: TSweepIds, b: TSweepIds, pass: number): TCase[] {
  return [
    { path: 'lot.list', input: {}, expect: 'ok' },
    { path: 'lot.list', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'lot.get', input: { id: b.lot }, expect: 'reject' },
    { path: 'lot.genealogy', input: { id: b.lot }, expect: 'reject' },
    { path: 'lot.search', input: { q: 'SWEEP' }, expect: 'ok' },
    { path: 'lot.search', input: { q: 'SWEEP', plantId: b.plant }, expect: 'reject' },
    { path: 'lot.create', input: { plantId: b.plant, kind: 'coil', weightKg: 1000 }, expect: 'reject' },
    { path: 'lot.split', input: { id: b.lot, children: [{ weightKg: 100 }] }, expect: 'reject' },
    {
      path: 'lot.split',
      input: { id: a.lot, children: [{ weightKg: 100 }], operationId: b.operation },
      expect: 'reject',
    },
    { path: 'lot.merge', input: { lotIds: [a.lot, b.lot] }, expect: 'reject' },
    { path: 'lot.transform', input: { id: b.lot, output: { weightKg: 100 } }, expect: 'reject' },
    { path: 'lot.move', input: { id: b.lot, location: `hijack-${pass}` }, expect: 'reject' },
    { path: 'lot.hold', input: { id: b.lot, reason: 'hijack' }, expect: 'reject' },
    { path: 'lot.release', input: { id: b.lot, reason: 'hijack' }, expect: 'reject' },
    {
      path: 'lot.changeStatus',
      input: { id: b.lot, status: 'scrapped', reason: 'hijack' },
      expect: 'reject',
    },
    { path: 'shopFloor.queue', input: { equipmentId: b.equipment }, expect: 'reject' },
    { path: 'shopFloor.operation', input: { operationId: b.operation }, expect: 'reject' },
    {
      path: 'shopFloor.start',
      input: { operationId: b.operation, equipmentId: a.equipment },
      expect: 'reject',
    },
    {
      path: 'shopFloor.start',
      input: { operationId: a.operation, equipmentId: a.equipment, inputLotIds: [b.lot] },
      expect: 'reject',
    },
    { path: 'shopFloor.report', input: { operationId: b.operation, goodT: 1 }, expect: 'reject' },
    { path: 'shopFloor.finish', input: { operationId: b.operation }, expect: 'reject' },
  ];
}

interface TBadInput {
  path: string;
  input: unknown;
  field: string;
}

/** Bad input to every lot.* / shopFloor.* procedure and the field the error must name. */
export function lotBadInputs(ids: { plant: string; equipment: string }): TBadInput[] {
  return [
    { path: 'lot.list', input: { status: ['lost'] }, field: 'status.0' },
    { path: 'lot.get', input: { id: 'COIL-1' }, field: 'id' },
    { path: 'lot.genealogy', input: { id: ids.plant, maxDepth: 0 }, field: 'maxDepth' },
    { path: 'lot.search', input: { q: 'x' }, field: 'q' },
    { path: 'lot.create', input: { plantId: ids.plant, kind: 'coil', weightKg: -5 }, field: 'weightKg' },
    { path: 'lot.create', input: { plantId: ids.plant, kind: 'blob', weightKg: 5 }, field: 'kind' },
    {
      path: 'lot.create',
      input: { plantId: ids.plant, kind: 'coil', weightKg: 5, dimensions: { widthMm: 0 } },
      field: 'dimensions.widthMm',
    },
    { path: 'lot.split', input: { id: ids.plant, children: [] }, field: 'children' },
    {
      path: 'lot.split',
      input: { id: ids.plant, children: [{ weightKg: 0 }] },
      field: 'children.0.weightKg',
    },
    { path: 'lot.merge', input: { lotIds: [ids.plant] }, field: 'lotIds' },
    {
      path: 'lot.transform',
      input: { id: ids.plant, output: { weightKg: 'heavy' } },
      field: 'output.weightKg',
    },
    { path: 'lot.move', input: { id: ids.plant, location: '' }, field: 'location' },
    { path: 'lot.hold', input: { id: ids.plant, reason: '  ' }, field: 'reason' },
    { path: 'lot.release', input: { id: ids.plant, reason: 'ok', to: 'shipped' }, field: 'to' },
    { path: 'lot.changeStatus', input: { id: ids.plant, status: 'lost', reason: 'x' }, field: 'status' },
    { path: 'shopFloor.queue', input: { equipmentId: 'CM-1' }, field: 'equipmentId' },
    { path: 'shopFloor.operation', input: { operationId: 7 }, field: 'operationId' },
    {
      path: 'shopFloor.start',
      input: { operationId: ids.plant, equipmentId: ids.equipment, inputLotIds: ['coil'] },
      field: 'inputLotIds.0',
    },
    { path: 'shopFloor.report', input: { operationId: ids.plant, goodT: -1 }, field: 'goodT' },
    { path: 'shopFloor.report', input: { operationId: ids.plant }, field: 'goodT' },
    { path: 'shopFloor.finish', input: { operationId: ids.plant, scrapT: -2 }, field: 'scrapT' },
  ];
}
