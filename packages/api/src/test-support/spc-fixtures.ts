/**
 * SPC rows for the API-wide sweeps and the spc API suite: per demo tenant (east-china-al plant RP,
 * jiangnan-copper plant CSP) an inspection plan with a thickness characteristic (spec 1.90–2.10 mm), a coil,
 * `requests` inspection requests of 4 results each, and an X̄-R chart over them (per-request subgroups, phase I) —
 * written inside the tenant's own transaction.
 */
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import type { TSweepExtension } from './sweep-extension.ts';

/** Deterministic thickness readings around 2.00 mm (no randomness: the suite asserts figures computed from them). */
export function spcThickness(request: number, i: number): number {
  return (
    Math.round(
      (2 + 0.01 * Math.sin(request * 1.7 + i * 2.3) + 0.004 * (((request * 7 + i * 3) % 5) - 2)) * 10_000,
    ) / 10_000
  );
}

export async function seedSpcFixture(
  db: Db,
  slug: string,
  plantCode: string,
  requests = 6,
): Promise<{
  spcPlant: string;
  spcPlan: string;
  spcCharacteristic: string;
  spcChart: string;
  spcLot: string;
}> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const plant = await tx.plant.findFirst({ where: { tenantId, code: plantCode } });
    if (!plant) throw new Error(`no plant ${plantCode} in ${slug}`);
    const plan = await tx.inspectionPlan.create({
      data: { tenantId, code: `SPCSWEEP-${plantCode}`, name: 'SPC sweep plan' },
    });
    const characteristic = await tx.inspectionCharacteristic.create({
      data: {
        tenantId,
        planId: plan.id,
        seq: 10,
        code: 'thickness',
        unit: 'mm',
        nominal: 2,
        lowerLimit: 1.9,
        upperLimit: 2.1,
      },
    });
    const lot = await tx.materialLot.create({
      data: { tenantId, plantId: plant.id, lotNo: `SPCSWEEP-${plantCode}-1`, kind: 'coil', weightKg: 5000 },
    });
    for (let r = 1; r <= requests; r++) {
      const requestNo = `SPC-SWEEP-${plantCode}-${r}`;
      const request = await tx.inspectionRequest.create({
        data: {
          tenantId,
          plantId: plant.id,
          requestNo,
          lotId: lot.id,
          planId: plan.id,
          origin: 'manual',
          status: 'evaluated',
        },
      });
      const sample = await tx.labSample.create({
        data: { tenantId, requestId: request.id, sampleNo: `${requestNo}-S1` },
      });
      await tx.inspectionResult.createMany({
        data: [0, 1, 2, 3].map((i) => ({
          tenantId,
          requestId: request.id,
          sampleId: sample.id,
          characteristicId: characteristic.id,
          value: spcThickness(r, i),
          verdict: 'pass',
          enteredAt: new Date(Date.UTC(2026, 10, 2, 0, r, i)),
        })),
      });
    }
    const chart = await tx.spcChart.create({
      data: {
        tenantId,
        plantId: plant.id,
        name: `SPC sweep thickness ${plantCode}`,
        chartType: 'xbar_r',
        characteristic: 'thickness',
        element: '',
        planId: plan.id,
        subgroupSize: 0,
        rules: ['WE1', 'WE2', 'WE3', 'WE4'],
      },
    });
    return {
      spcPlant: plant.id,
      spcPlan: plan.id,
      spcCharacteristic: characteristic.id,
      spcChart: chart.id,
      spcLot: lot.id,
    };
  });
}

const validChart = (plantId: string, name: string) => ({
  plantId,
  name,
  chartType: 'xbar_r',
  characteristic: 'thickness',
  subgroupSize: 0,
});

/** The spc.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const spcSweep: TSweepExtension = {
  name: 'spc',
  seed: async (db) => {
    const a = await seedSpcFixture(db, 'east-china-al', 'RP');
    const b = await seedSpcFixture(db, 'jiangnan-copper', 'CSP');
    return { a, b };
  },
  cases: (a, b, pass) => [
    { path: 'spc.list', input: {}, expect: 'ok' },
    { path: 'spc.list', input: { plantId: b.spcPlant }, expect: 'ok' },
    { path: 'spc.get', input: { id: b.spcChart }, expect: 'reject' },
    { path: 'spc.create', input: validChart(b.spcPlant as string, `hijack-${pass}`), expect: 'reject' },
    {
      path: 'spc.create',
      input: { ...validChart(a.spcPlant as string, `hijack-plan-${pass}`), planId: b.spcPlan },
      expect: 'reject',
    },
    { path: 'spc.update', input: { id: b.spcChart, name: `hijack-${pass}` }, expect: 'reject' },
    { path: 'spc.update', input: { id: a.spcChart, planId: b.spcPlan }, expect: 'reject' },
    { path: 'spc.computeLimits', input: { id: b.spcChart }, expect: 'reject' },
    { path: 'spc.freeze', input: { id: b.spcChart }, expect: 'reject' },
    { path: 'spc.reopen', input: { id: b.spcChart }, expect: 'reject' },
    { path: 'spc.data', input: { id: b.spcChart }, expect: 'reject' },
    { path: 'spc.capability', input: { characteristicId: b.spcCharacteristic }, expect: 'reject' },
    {
      path: 'spc.capability',
      input: { characteristicId: a.spcCharacteristic, chartId: b.spcChart },
      expect: 'reject',
    },
  ],
  badInputs: (ids) => {
    const id = '00000000-0000-4000-8000-000000000000';
    return [
      { path: 'spc.list', input: { plantId: 'rolling' }, field: 'plantId' },
      { path: 'spc.get', input: { id: 'chart-1' }, field: 'id' },
      {
        path: 'spc.create',
        input: { ...validChart(ids.plant, 'bad'), chartType: 'xbar' },
        field: 'chartType',
      },
      {
        path: 'spc.create',
        input: { ...validChart(ids.plant, 'bad'), chartType: 'i_mr', subgroupSize: 5 },
        field: 'subgroupSize',
      },
      { path: 'spc.update', input: { id, rules: ['WE9'] }, field: 'rules.0' },
      { path: 'spc.computeLimits', input: { id, revise: 'yes' }, field: 'revise' },
      { path: 'spc.freeze', input: { id: 42 }, field: 'id' },
      { path: 'spc.reopen', input: { id: '' }, field: 'id' },
      { path: 'spc.data', input: { id, confidence: 0.8 }, field: 'confidence' },
      { path: 'spc.capability', input: { characteristicId: id, lsl: 5, usl: 4 }, field: 'usl' },
    ];
  },
};
