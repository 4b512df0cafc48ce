import { randomUUID } from 'node:crypto';
import type { TenantTx } from '@ingot/db';
import { createPrng } from '../scheduling/prng.ts';

/**
 * A rolling plant with open orders, for tests, demos and benchmarks of planning: the 15 machines of the
 * rolling-plant generator (scheduling/rolling-plant-generator.ts, whose header names the sources of each figure)
 * as Equipment rows, routings with eligible equipment and rates (t/h, m/min for slitting, h per furnace charge),
 * and `orders` sales orders of one line and one work order each with their operations. Seeded: the same seed
 * gives the same orders. Written directly with Prisma (not through the order module) so planning can be tested
 * on its own; order and work-order numbers carry `prefix` so scenarios can share a tenant.
 */
export interface TSeedPlanningScenarioInput {
  tenantId: string;
  orders: number;
  seed: number;
  /** Plant code (created when missing). */
  plantCode?: string;
  /** Order / work-order number prefix (unique per scenario within a tenant). */
  prefix?: string;
  now?: Date;
  /** Status of the seeded orders (default confirmed: confirmation is what makes work orders). */
  orderStatus?: 'entered' | 'confirmed';
}

export interface TPlanningScenario {
  plantId: string;
  plantCode: string;
  equipment: Record<string, string>;
  orders: {
    orderId: string;
    orderNo: string;
    lineId: string;
    workOrderId: string;
    workOrderNo: string;
    operationIds: string[];
  }[];
}

const MACHINES: { code: string; name: string; cls: string; attributes: Record<string, string | number> }[] = [
  { code: 'CAST-1', name: 'DC casting line', cls: 'casting_machine', attributes: {} },
  { code: 'TRC-1', name: 'Twin-roll caster', cls: 'casting_machine', attributes: { maxStripWidthMm: 2000 } },
  {
    code: 'HOMO-1',
    name: 'Homogenising pit furnace',
    cls: 'homogenizing_furnace',
    attributes: { batchCapacityT: 100 },
  },
  { code: 'HRM-1', name: 'Hot mill 1+4', cls: 'hot_mill', attributes: {} },
  {
    code: 'CRM-1',
    name: 'Cold mill 1 (6-high, 2200 mm)',
    cls: 'cold_mill',
    attributes: { maxStripWidthMm: 2200 },
  },
  {
    code: 'CRM-2',
    name: 'Cold mill 2 (6-high, 2200 mm)',
    cls: 'cold_mill',
    attributes: { maxStripWidthMm: 2200 },
  },
  {
    code: 'CRM-3',
    name: 'Cold mill 3 (4-high, 1400 mm)',
    cls: 'cold_mill',
    attributes: { maxStripWidthMm: 1400 },
  },
  { code: 'FOIL-1', name: 'Foil mill', cls: 'foil_mill', attributes: {} },
  {
    code: 'ANN-1',
    name: 'Coil annealing furnace 1',
    cls: 'annealing_furnace',
    attributes: { batchCapacityT: 40 },
  },
  {
    code: 'ANN-2',
    name: 'Coil annealing furnace 2',
    cls: 'annealing_furnace',
    attributes: { batchCapacityT: 40 },
  },
  {
    code: 'ANN-3',
    name: 'Foil box annealing furnace',
    cls: 'annealing_furnace',
    attributes: { batchCapacityT: 40, emptyFurnaceCoolingH: '5-6' },
  },
  { code: 'SLIT-1', name: 'Slitter 1 (1650 mm)', cls: 'slitter', attributes: { maxStripWidthMm: 1650 } },
  { code: 'SLIT-2', name: 'Slitter 2 (thin gauge / foil)', cls: 'slitter', attributes: {} },
  { code: 'TLL-1', name: 'Tension levelling / cut to length', cls: 'cut_to_length_line', attributes: {} },
  { code: 'PACK-1', name: 'Packing', cls: 'other', attributes: {} },
];

type TStep = {
  code: string;
  recipe?: string;
  yield: number;
  eq: { code: string; rate: number; unit: 't_per_h' | 'm_per_min' | 'h_per_batch'; fixed: number }[];
};

const cast: TStep = {
  code: 'casting',
  yield: 0.95,
  eq: [{ code: 'CAST-1', rate: 15, unit: 't_per_h', fixed: 20 }],
};
const homo = (series: string, hours: number): TStep => ({
  code: 'homogenizing',
  recipe: `HOMO-${series}`,
  yield: 1,
  eq: [{ code: 'HOMO-1', rate: hours, unit: 'h_per_batch', fixed: 0 }],
});
const hot: TStep = {
  code: 'hot_rolling',
  yield: 0.96,
  eq: [{ code: 'HRM-1', rate: 46, unit: 't_per_h', fixed: 10 }],
};
const cold: TStep = {
  code: 'cold_rolling',
  yield: 0.98,
  eq: [
    { code: 'CRM-1', rate: 9.7, unit: 't_per_h', fixed: 15 },
    { code: 'CRM-2', rate: 9.7, unit: 't_per_h', fixed: 15 },
    { code: 'CRM-3', rate: 6, unit: 't_per_h', fixed: 15 },
  ],
};
const anneal = (recipe: string, hours: number, codes = ['ANN-1', 'ANN-2']): TStep => ({
  code: 'intermediate_anneal',
  recipe,
  yield: 1,
  eq: codes.map((code) => ({ code, rate: hours, unit: 'h_per_batch' as const, fixed: 0 })),
});
const slit: TStep = {
  code: 'slitting',
  yield: 0.97,
  eq: [
    { code: 'SLIT-1', rate: 300, unit: 'm_per_min', fixed: 25 },
    { code: 'SLIT-2', rate: 200, unit: 'm_per_min', fixed: 40 },
  ],
};
const pack: TStep = {
  code: 'packing',
  yield: 1,
  eq: [{ code: 'PACK-1', rate: 20, unit: 't_per_h', fixed: 15 }],
};

const PRODUCTS = [
  {
    alloy: '3003',
    density: 2.73,
    temper: 'H14',
    family: 'strip_coil',
    widths: [1000, 1250, 1400, 1650, 1850],
    thickness: [0.3, 0.5, 1.0],
  },
  {
    alloy: '3104',
    density: 2.72,
    temper: 'H19',
    family: 'strip_coil',
    widths: [1250, 1650, 1850, 2000],
    thickness: [0.25, 0.3],
  },
  {
    alloy: '1060',
    density: 2.7,
    temper: 'H24',
    family: 'strip_coil',
    widths: [1000, 1250, 1400],
    thickness: [0.5, 1.0, 2.0],
  },
  {
    alloy: '5052',
    density: 2.68,
    temper: 'H32',
    family: 'sheet',
    widths: [1250, 1500, 2000],
    thickness: [1.5, 3.0],
  },
  {
    alloy: '5083',
    density: 2.66,
    temper: 'H111',
    family: 'sheet',
    widths: [1500, 2000],
    thickness: [3.0, 6.0],
  },
  {
    alloy: '8011',
    density: 2.71,
    temper: 'O',
    family: 'foil',
    widths: [1000, 1250],
    thickness: [0.011, 0.02],
  },
  {
    alloy: '1235',
    density: 2.705,
    temper: 'O',
    family: 'foil',
    widths: [1000, 1250, 1400],
    thickness: [0.0065, 0.009],
  },
] as const;

function routeFor(alloy: string, family: string): TStep[] {
  const series = `${alloy[0]}xxx`;
  if (family === 'foil') {
    return [
      {
        code: 'twin_roll_casting',
        yield: 0.96,
        eq: [{ code: 'TRC-1', rate: 1.14, unit: 't_per_h', fixed: 0 }],
      },
      cold,
      anneal('O-360', 10),
      { code: 'foil_roughing', yield: 0.97, eq: [{ code: 'FOIL-1', rate: 1.6, unit: 't_per_h', fixed: 10 }] },
      {
        code: 'foil_finishing',
        yield: 0.96,
        eq: [{ code: 'FOIL-1', rate: 2.4, unit: 't_per_h', fixed: 10 }],
      },
      { ...slit, eq: [{ code: 'SLIT-2', rate: 600, unit: 'm_per_min', fixed: 40 }] },
      { ...anneal('FOIL-FINAL', 72, ['ANN-3']), code: 'final_anneal' },
      pack,
    ];
  }
  if (family === 'sheet') {
    return [
      cast,
      homo(series, 20),
      hot,
      cold,
      cold,
      { ...anneal('STAB-250', 6), code: 'stabilising_anneal' },
      { code: 'levelling', yield: 0.98, eq: [{ code: 'TLL-1', rate: 8, unit: 't_per_h', fixed: 30 }] },
      pack,
    ];
  }
  return [
    cast,
    homo(series, 10),
    hot,
    cold,
    anneal(series === '3xxx' ? 'O-415' : 'O-360', 10),
    cold,
    slit,
    pack,
  ];
}

/** Creates (or reuses) the plant, its equipment, master data and routings, then `orders` open orders. */
export async function seedPlanningScenario(
  tx: TenantTx,
  input: TSeedPlanningScenarioInput,
): Promise<TPlanningScenario> {
  const { tenantId } = input;
  const plantCode = input.plantCode ?? 'RP-PLAN';
  const prefix = input.prefix ?? `S${input.seed}`;
  const now = input.now ?? new Date();
  const rng = createPrng(input.seed * 7919 + input.orders);

  let plant = await tx.plant.findFirst({ where: { tenantId, code: plantCode }, select: { id: true } });
  if (!plant) {
    plant = await tx.plant.create({
      data: { tenantId, code: plantCode, name: `${plantCode} rolling plant` },
      select: { id: true },
    });
  }
  const equipment: Record<string, string> = {};
  const existing = await tx.equipment.findMany({
    where: { tenantId, plantId: plant.id },
    select: { id: true, code: true },
  });
  for (const e of existing) equipment[e.code] = e.id;
  if (existing.length === 0) {
    const area = await tx.area.create({
      data: { tenantId, plantId: plant.id, code: 'MAIN', name: 'Main shop' },
      select: { id: true },
    });
    const wc = await tx.workCenter.create({
      data: {
        tenantId,
        plantId: plant.id,
        areaId: area.id,
        code: 'ROLL',
        name: 'Rolling',
        kind: 'work_center',
      },
      select: { id: true },
    });
    for (const m of MACHINES) {
      const row = await tx.equipment.create({
        data: {
          tenantId,
          plantId: plant.id,
          workCenterId: wc.id,
          code: m.code,
          name: m.name,
          class: m.cls as 'other',
          attributes: { ...m.attributes, source: 'rolling-plant-generator' },
        },
        select: { id: true },
      });
      equipment[m.code] = row.id;
    }
  }

  // Master data, shared by scenarios of the tenant.
  const alloyIds: Record<string, string> = {};
  const temperIds: Record<string, string> = {};
  for (const p of PRODUCTS) {
    const alloy =
      (await tx.alloy.findFirst({ where: { tenantId, code: p.alloy }, select: { id: true } })) ??
      (await tx.alloy.create({
        data: { tenantId, code: p.alloy, family: 'aluminium', density: p.density },
        select: { id: true },
      }));
    alloyIds[p.alloy] = alloy.id;
    const temper =
      (await tx.temper.findFirst({
        where: { tenantId, family: 'aluminium', code: p.temper },
        select: { id: true },
      })) ??
      (await tx.temper.create({
        data: { tenantId, family: 'aluminium', code: p.temper },
        select: { id: true },
      }));
    temperIds[p.temper] = temper.id;
  }
  const customer =
    (await tx.customer.findFirst({ where: { tenantId, code: 'PLAN-CUST' }, select: { id: true } })) ??
    (await tx.customer.create({
      data: { tenantId, code: 'PLAN-CUST', name: 'Planning test customer' },
      select: { id: true },
    }));

  // Routings per product (alloy), with their steps and eligible equipment of this plant.
  const routings = new Map<string, { id: string; steps: { id: string; code: string; yield: number }[] }>();
  for (const p of PRODUCTS) {
    const code = `PLAN-${plantCode}-${p.alloy}`;
    const found = await tx.routingTemplate.findFirst({
      where: { tenantId, code },
      select: {
        id: true,
        steps: { orderBy: { seq: 'asc' }, select: { id: true, operationCode: true, yield: true } },
      },
    });
    if (found) {
      routings.set(p.alloy, {
        id: found.id,
        steps: found.steps.map((s) => ({ id: s.id, code: s.operationCode, yield: s.yield })),
      });
      continue;
    }
    const routing = await tx.routingTemplate.create({
      data: {
        tenantId,
        code,
        name: `${p.alloy}-${p.temper} ${p.family}`,
        productFamily: p.family,
        alloyId: alloyIds[p.alloy] as string,
      },
      select: { id: true },
    });
    const steps: { id: string; code: string; yield: number }[] = [];
    for (const [i, step] of routeFor(p.alloy, p.family).entries()) {
      const row = await tx.routingStep.create({
        data: {
          tenantId,
          routingId: routing.id,
          seq: (i + 1) * 10,
          operationCode: step.code,
          name: step.code.replace('_', ' '),
          yield: step.yield,
          recipe: step.recipe ?? null,
        },
        select: { id: true },
      });
      await tx.routingStepEquipment.createMany({
        data: step.eq.map((e) => ({
          tenantId,
          stepId: row.id,
          equipmentId: equipment[e.code] as string,
          rate: e.rate,
          rateUnit: e.unit,
          fixedMinutes: e.fixed,
        })),
      });
      steps.push({ id: row.id, code: step.code, yield: step.yield });
    }
    routings.set(p.alloy, { id: routing.id, steps });
  }

  const orders: TPlanningScenario['orders'] = [];
  const specRows: {
    id: string;
    tenantId: string;
    code: string;
    productFamily: 'sheet';
    alloyId: string;
    temperId: string;
    thicknessMm: number;
    thicknessTolMinus: number;
    thicknessTolPlus: number;
    widthMm: number;
  }[] = [];
  const status = input.orderStatus ?? 'confirmed';
  const orderRows: {
    id: string;
    tenantId: string;
    plantId: string;
    orderNo: string;
    customerId: string;
    priority: number;
    requestedDate: Date;
    status: 'entered' | 'confirmed';
  }[] = [];
  const lineRows: {
    id: string;
    tenantId: string;
    orderId: string;
    lineNo: number;
    specId: string;
    quantity: number;
    requestedDate: Date;
    status: 'entered' | 'confirmed';
  }[] = [];
  const woRows: {
    id: string;
    tenantId: string;
    plantId: string;
    workOrderNo: string;
    orderLineId: string;
    routingId: string;
    status: 'released';
    outputT: number;
    inputT: number;
    releaseDate: Date;
    dueDate: Date;
  }[] = [];
  const opRows: {
    id: string;
    tenantId: string;
    workOrderId: string;
    seq: number;
    stepId: string;
    operationCode: string;
    inputT: number;
  }[] = [];
  const DAY = 86_400_000;
  for (let i = 0; i < input.orders; i++) {
    const r = rng.next();
    const p = PRODUCTS[
      r < 0.55 ? rng.int(3) : r < 0.85 ? 3 + rng.int(2) : 5 + rng.int(2)
    ] as (typeof PRODUCTS)[number];
    const width = p.widths[rng.int(p.widths.length)] as number;
    const thickness = p.thickness[rng.int(p.thickness.length)] as number;
    const outputT =
      p.family === 'foil' ? 2 + rng.int(5) : p.family === 'sheet' ? 6 + rng.int(7) : 8 + rng.int(13);
    const routing = routings.get(p.alloy) as {
      id: string;
      steps: { id: string; code: string; yield: number }[];
    };
    const cumulative = routing.steps.reduce((y, s) => y * s.yield, 1);
    const inputT = Math.round((outputT / cumulative) * 100) / 100;
    const n = String(i + 1).padStart(4, '0');
    const specId = randomUUID();
    specRows.push({
      id: specId,
      tenantId,
      code: `${prefix}-SPEC-${n}`,
      productFamily: p.family as 'sheet',
      alloyId: alloyIds[p.alloy] as string,
      temperId: temperIds[p.temper] as string,
      thicknessMm: thickness,
      thicknessTolMinus: thickness * 0.05,
      thicknessTolPlus: thickness * 0.05,
      widthMm: width,
    });
    const release = new Date(now.getTime() + Math.floor(rng.next() * 3 * 24) * 3_600_000);
    const due = new Date(release.getTime() + (4 + rng.next() * 24) * DAY);
    const orderId = randomUUID();
    const lineId = randomUUID();
    const woId = randomUUID();
    const wr = rng.next();
    orderRows.push({
      id: orderId,
      tenantId,
      plantId: plant.id,
      orderNo: `${prefix}-SO-${n}`,
      customerId: customer.id,
      priority: wr < 0.6 ? 1 : wr < 0.9 ? 2 : 4,
      requestedDate: due,
      status,
    });
    lineRows.push({
      id: lineId,
      tenantId,
      orderId,
      lineNo: 1,
      specId,
      quantity: outputT,
      requestedDate: due,
      status,
    });
    woRows.push({
      id: woId,
      tenantId,
      plantId: plant.id,
      workOrderNo: `${prefix}-WO-${n}`,
      orderLineId: lineId,
      routingId: routing.id,
      status: 'released',
      outputT,
      inputT,
      releaseDate: release,
      dueDate: due,
    });
    let t = inputT;
    const operationIds: string[] = [];
    for (const [k, s] of routing.steps.entries()) {
      const id = randomUUID();
      operationIds.push(id);
      opRows.push({
        id,
        tenantId,
        workOrderId: woId,
        seq: (k + 1) * 10,
        stepId: s.id,
        operationCode: s.code,
        inputT: Math.round(t * 100) / 100,
      });
      t *= s.yield;
    }
    orders.push({
      orderId,
      orderNo: `${prefix}-SO-${n}`,
      lineId,
      workOrderId: woId,
      workOrderNo: `${prefix}-WO-${n}`,
      operationIds,
    });
  }
  await tx.productSpec.createMany({ data: specRows });
  await tx.salesOrder.createMany({ data: orderRows });
  await tx.salesOrderLine.createMany({ data: lineRows });
  await tx.workOrder.createMany({ data: woRows });
  for (let i = 0; i < opRows.length; i += 1000)
    await tx.workOrderOperation.createMany({ data: opRows.slice(i, i + 1000) });
  return { plantId: plant.id, plantCode, equipment, orders };
}
