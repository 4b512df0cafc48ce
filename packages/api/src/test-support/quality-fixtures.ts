/**
 * Quality rows for the API-wide sweeps: per demo tenant (east-china-al plant RP, jiangnan-copper plant CSP) a coil,
 * an inspection plan with one characteristic, a manual inspection request with its sample, and a nonconformance —
 * written inside the tenant's own transaction. Also the cross-tenant cases and bad inputs of inspectionPlan.*,
 * lab.* and nonconformance.*.
 */
import { randomUUID } from 'node:crypto';
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import { createProductionFixture } from './lots-fixtures.ts';
import type { TSweepExtension } from './sweep-extension.ts';

export async function seedQualityFixture(
  db: Db,
  slug: string,
  plantCode: string,
): Promise<Record<string, string>> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const plant = await tx.plant.findFirst({ where: { tenantId, code: plantCode } });
    if (!plant) throw new Error(`no plant ${plantCode} in ${slug}`);
    const alloy = await tx.alloy.findFirst({ where: { tenantId }, orderBy: { code: 'asc' } });
    if (!alloy) throw new Error(`no alloy in ${slug}`);
    const lot = await tx.materialLot.create({
      data: {
        tenantId,
        plantId: plant.id,
        lotNo: `QSWEEP-${plantCode}-1`,
        kind: 'coil',
        weightKg: 5000,
        alloyId: alloy.id,
      },
    });
    const plan = await tx.inspectionPlan.create({
      data: { tenantId, code: `QSWEEP-${plantCode}`, name: 'sweep plan', alloyId: alloy.id },
    });
    const characteristic = await tx.inspectionCharacteristic.create({
      data: { tenantId, planId: plan.id, seq: 10, code: 'flatness', unit: 'I', upperLimit: 10 },
    });
    const requestNo = `QI-SWEEP-${plantCode}`;
    const request = await tx.inspectionRequest.create({
      data: {
        tenantId,
        plantId: plant.id,
        requestNo,
        lotId: lot.id,
        planId: plan.id,
        origin: 'manual',
        status: 'received',
        limits: [
          {
            characteristicId: characteristic.id,
            code: 'flatness',
            element: '',
            unit: 'I',
            nominal: null,
            lower: null,
            upper: 10,
            source: 'manual',
            unresolved: null,
            samplesRequired: 1,
            method: '',
          },
        ],
      },
    });
    const sample = await tx.labSample.create({
      data: { tenantId, requestId: request.id, sampleNo: `${requestNo}-S1`, receivedAt: new Date() },
    });
    const nc = await tx.nonconformance.create({
      data: {
        tenantId,
        plantId: plant.id,
        ncNo: `NC-SWEEP-${plantCode}`,
        lotId: lot.id,
        requestId: request.id,
        defectCode: 'flatness',
        description: 'sweep',
      },
    });
    return {
      qualityPlant: plant.id,
      qualityLot: lot.id,
      qualityAlloy: alloy.id,
      plan: plan.id,
      characteristic: characteristic.id,
      request: request.id,
      sample: sample.id,
      sampleNo: sample.sampleNo,
      nc: nc.id,
    };
  });
}

const id = (ids: Readonly<Record<string, string>>, key: string) => ids[key] as string;

/** The inspectionPlan.*, lab.* and nonconformance.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const qualitySweep: TSweepExtension = {
  name: 'quality',
  seed: async (db) => ({
    a: await seedQualityFixture(db, 'east-china-al', 'RP'),
    b: await seedQualityFixture(db, 'jiangnan-copper', 'CSP'),
  }),
  cases: (a, b, pass) => [
    { path: 'inspectionPlan.list', input: {}, expect: 'ok' },
    { path: 'inspectionPlan.get', input: { id: id(b, 'plan') }, expect: 'reject' },
    {
      path: 'inspectionPlan.previewLimits',
      input: { planId: id(b, 'plan'), lotId: id(a, 'qualityLot') },
      expect: 'reject',
    },
    {
      path: 'inspectionPlan.previewLimits',
      input: { planId: id(a, 'plan'), lotId: id(b, 'qualityLot') },
      expect: 'reject',
    },
    {
      path: 'inspectionPlan.create',
      input: {
        code: `HIJACK-${pass}`,
        name: 'hijack',
        alloyId: id(b, 'qualityAlloy'),
        characteristics: [{ code: 'flatness', upperLimit: 5 }],
      },
      expect: 'reject',
    },
    { path: 'inspectionPlan.update', input: { id: id(b, 'plan'), name: 'hijack' }, expect: 'reject' },
    { path: 'inspectionPlan.setActive', input: { id: id(b, 'plan'), active: false }, expect: 'reject' },
    { path: 'lab.list', input: {}, expect: 'ok' },
    { path: 'lab.list', input: { plantId: id(b, 'qualityPlant') }, expect: 'reject' },
    { path: 'lab.get', input: { id: id(b, 'request') }, expect: 'reject' },
    { path: 'lab.request', input: { lotId: id(b, 'qualityLot') }, expect: 'reject' },
    { path: 'lab.request', input: { lotId: id(a, 'qualityLot'), planId: id(b, 'plan') }, expect: 'reject' },
    { path: 'lab.confirmSampling', input: { id: id(b, 'request') }, expect: 'reject' },
    { path: 'lab.receive', input: { sampleNo: id(b, 'sampleNo') }, expect: 'reject' },
    {
      path: 'lab.enterResults',
      input: {
        requestId: id(b, 'request'),
        results: [{ sampleId: id(b, 'sample'), characteristicId: id(b, 'characteristic'), value: 1 }],
      },
      expect: 'reject',
    },
    {
      path: 'lab.enterResults',
      input: {
        requestId: id(a, 'request'),
        results: [{ sampleId: id(b, 'sample'), characteristicId: id(b, 'characteristic'), value: 1 }],
      },
      expect: 'reject',
    },
    {
      path: 'lab.importResults',
      input: {
        requestId: id(b, 'request'),
        fileName: 'hijack.csv',
        csv: `sampleNo,characteristic,element,value\n${id(b, 'sampleNo')},flatness,,1`,
      },
      expect: 'reject',
    },
    { path: 'lab.approve', input: { id: id(b, 'request'), decision: 'release' }, expect: 'reject' },
    { path: 'lab.cancel', input: { id: id(b, 'request'), reason: 'hijack' }, expect: 'reject' },
    { path: 'nonconformance.list', input: {}, expect: 'ok' },
    { path: 'nonconformance.list', input: { plantId: id(b, 'qualityPlant') }, expect: 'reject' },
    { path: 'nonconformance.get', input: { id: id(b, 'nc') }, expect: 'reject' },
    {
      path: 'nonconformance.open',
      input: { lotId: id(b, 'qualityLot'), defectCode: 'thickness', description: 'hijack' },
      expect: 'reject',
    },
    {
      path: 'nonconformance.disposition',
      input: { id: id(b, 'nc'), disposition: 'scrap' },
      expect: 'reject',
    },
    {
      path: 'nonconformance.setCorrectiveAction',
      input: { id: id(b, 'nc'), action: 'hijack', ownerUserId: randomUUID(), dueAt: new Date() },
      expect: 'reject',
    },
    { path: 'nonconformance.close', input: { id: id(b, 'nc') }, expect: 'reject' },
  ],
  badInputs: () => {
    const uuid = randomUUID();
    return [
      { path: 'inspectionPlan.list', input: { includeInactive: 'yes' }, field: 'includeInactive' },
      { path: 'inspectionPlan.get', input: { id: 'plan-1' }, field: 'id' },
      { path: 'inspectionPlan.previewLimits', input: { planId: 'x', lotId: uuid }, field: 'planId' },
      {
        path: 'inspectionPlan.create',
        input: {
          code: 'QP-1',
          name: 'x',
          characteristics: [{ code: 'flatness', lowerLimit: 5, upperLimit: 1 }],
        },
        field: 'characteristics.0.lowerLimit',
      },
      { path: 'inspectionPlan.update', input: { id: uuid, characteristics: [] }, field: 'characteristics' },
      { path: 'inspectionPlan.setActive', input: { id: uuid, active: 'no' }, field: 'active' },
      { path: 'lab.list', input: { limit: 0 }, field: 'limit' },
      { path: 'lab.get', input: { id: 'x' }, field: 'id' },
      { path: 'lab.request', input: { lotId: 'lot-1' }, field: 'lotId' },
      { path: 'lab.confirmSampling', input: { id: 1 }, field: 'id' },
      { path: 'lab.receive', input: { sampleNo: 'bad no!' }, field: 'sampleNo' },
      { path: 'lab.enterResults', input: { requestId: uuid, results: [] }, field: 'results' },
      { path: 'lab.importResults', input: { requestId: uuid, fileName: 'a.csv', csv: '' }, field: 'csv' },
      { path: 'lab.approve', input: { id: uuid, decision: 'maybe' }, field: 'decision' },
      { path: 'lab.cancel', input: { id: uuid, reason: ' ' }, field: 'reason' },
      { path: 'nonconformance.list', input: { status: ['lost'] }, field: 'status.0' },
      { path: 'nonconformance.get', input: { id: 'x' }, field: 'id' },
      {
        path: 'nonconformance.open',
        input: { lotId: uuid, defectCode: 'Bad Code', description: 'x' },
        field: 'defectCode',
      },
      {
        path: 'nonconformance.disposition',
        input: { id: uuid, disposition: 'concession' },
        field: 'concessionRef',
      },
      {
        path: 'nonconformance.setCorrectiveAction',
        input: { id: uuid, action: 'x', ownerUserId: uuid, dueAt: 'soon' },
        field: 'dueAt',
      },
      { path: 'nonconformance.close', input: { id: 'x' }, field: 'id' },
    ];
  },
};

/**
 * For the lab e2e flow: an order for FX 3003-H14 strip with one cold-rolling operation on CM-1 of plant RP (in the
 * published plan, so the machine's queue shows it), and an inspection plan for that spec after cold rolling:
 * thickness from the spec (0.97 … 1.03 mm), flatness ≤ 10 I, tensile strength from EN 485-2.
 */
export async function seedLabFlowFixture(
  db: Db,
  tag: string,
): Promise<{ plantId: string; equipmentId: string; workOrderNo: string; seq: number; planCode: string }> {
  const f = await createProductionFixture(db, {
    slug: 'east-china-al',
    plantCode: 'RP',
    orderNo: `SO-${tag}`,
    steps: [{ code: 'cold_rolling', equipmentCode: 'CM-1', yield: 0.98, startMin: 5, endMin: 120 }],
  });
  const tenantId = tenantIdForSlug('east-china-al');
  const planCode = `QP-${tag}`;
  await withTenant(db, { tenantId }, async (tx) => {
    const spec = await tx.productSpec.findFirstOrThrow({ where: { tenantId, code: 'FX-3003-H14-1.0x1250' } });
    const plan = await tx.inspectionPlan.create({
      data: {
        tenantId,
        code: planCode,
        name: `冷轧检验 ${tag}`,
        productSpecId: spec.id,
        operationCode: 'cold_rolling',
      },
    });
    await tx.inspectionCharacteristic.createMany({
      data: [
        { tenantId, planId: plan.id, seq: 10, code: 'thickness', unit: 'mm', limitSource: 'spec' },
        { tenantId, planId: plan.id, seq: 20, code: 'flatness', unit: 'I', upperLimit: 10 },
        {
          tenantId,
          planId: plan.id,
          seq: 30,
          code: 'tensile_strength',
          unit: 'MPa',
          limitSource: 'table:mechanical-properties',
        },
      ],
    });
  });
  const op = f.operations[0];
  if (!op) throw new Error('no operation');
  return {
    plantId: f.plantId,
    equipmentId: op.equipmentId,
    workOrderNo: f.workOrderNo,
    seq: op.seq,
    planCode,
  };
}
