/**
 * qualityKpi.coils and qualityKpi.coilQuality over a real chDB store and real PostgreSQL / PGlite: a coil rolled on
 * CM-1 whose lot belongs to an order (spec 1.00 mm −0.03/+0.03) is judged against that tolerance — share of length
 * in tolerance, Cp/Cpk — with its defect map; telemetry switched off, another tenant and an unknown coil each get
 * their own clear answer.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { D2_MOVING_RANGE, seedDemoTenant } from '@ingot/domain';
import {
  openChdbDirectory,
  openTelemetryStore,
  type TelemetryPoint,
  type TelemetryStore,
} from '@ingot/telemetry';
import { describeEachDatabase } from '@ingot/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';
import { createProductionFixture } from './test-support/lots-fixtures.ts';

const A = tenantIdForSlug(EAST);
const S = 1000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-api-coils-'));
const tag = randomBytes(3).toString('hex').toUpperCase();
const COIL = `QKC-${tag}`;
const T0 = Math.floor((Date.now() - 2 * 86_400_000) / 60_000) * 60_000;
let store: TelemetryStore;
const filledFor = new Set<string>();

beforeAll(async () => {
  store = openTelemetryStore({ backend: 'chdb', dataDir, database: `api_coils_${tag.toLowerCase()}` });
  await store.ensureSchema();
});

afterAll(async () => {
  await store?.close();
  if (!openChdbDirectory()) fs.rmSync(dataDir, { recursive: true, force: true });
});

describeEachDatabase('coil quality from telemetry', (t) => {
  let admin: TCaller;
  let other: TCaller;
  let noTelemetry: TCaller;
  let rp: string;
  let theirSpec: string;

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST, { telemetry: store });
    other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN, { telemetry: store });
    noTelemetry = callerFor(t.db, EAST_ADMIN, EAST);
    const fx = await createProductionFixture(t.db, {
      slug: EAST,
      plantCode: 'RP',
      orderNo: `QKC-${tag}-${randomBytes(2).toString('hex')}`,
      steps: [{ code: 'cold_rolling', equipmentCode: 'CM-1', yield: 1 }],
    });
    await withTenant(t.db, { tenantId: A }, (tx) =>
      tx.materialLot.create({
        data: {
          tenantId: A,
          plantId: rp,
          lotNo: COIL,
          kind: 'coil',
          weightKg: 5000,
          workOrderId: fx.workOrderId,
          operationId: fx.operations[0]?.id ?? null,
        },
      }),
    );
    const jiangnan = tenantIdForSlug(JIANGNAN);
    theirSpec = await withTenant(t.db, { tenantId: jiangnan }, async (tx) => {
      const spec = await tx.productSpec.findFirst({ where: { tenantId: jiangnan } });
      if (!spec) throw new Error('the demo seed gave jiangnan no product spec');
      return spec.id;
    });
    if (filledFor.has(rp)) return;
    filledFor.add(rp);
    const p = (tagName: string, ts: number, value: number | null, text?: string): TelemetryPoint => ({
      plantId: rp,
      connectorId: 'sim-rp',
      equipment: 'CM-1',
      tag: tagName,
      ts,
      value,
      text: text ?? null,
      quality: 'good',
    });
    const points: TelemetryPoint[] = [
      p('coil_id', T0, null, COIL),
      p('coil_length', T0, 0),
      p('strip_speed', T0, 60),
    ];
    // 100 m at 1 m/s: thickness 1.05 mm (out of 1.00 ± 0.03) on metres 41..50, else 1.00.
    for (let i = 1; i <= 100; i++) {
      points.push(p('coil_length', T0 + i * S, i));
      points.push(p('exit_thickness', T0 + i * S, i >= 41 && i <= 50 ? 1.05 : 1));
    }
    points.push(p('flatness', T0 + 10 * S, 6), p('flatness', T0 + 20 * S, 14));
    points.push(
      p('defect_no', T0 + 30 * S, 1),
      p('defect_type', T0 + 30 * S, null, 'scratch'),
      p('defect_position', T0 + 30 * S, 29),
      p('defect_cross_position', T0 + 30 * S, 100),
      p('defect_severity', T0 + 30 * S, 1),
      p('defect_no', T0 + 60 * S, 3),
      p('defect_type', T0 + 60 * S, null, 'dent'),
      p('defect_position', T0 + 60 * S, 59.5),
      p('defect_cross_position', T0 + 60 * S, 500),
      p('defect_severity', T0 + 60 * S, 3),
      p('coil_id', T0 + 200 * S, null, `${COIL}-NEXT`),
    );
    await store.insertPoints(A, points, { dedupToken: `qkc:${tag}` });
  });

  it('lists the coils of a machine', async () => {
    const list = await admin.qualityKpi.coils({
      plantId: rp,
      equipment: 'CM-1',
      from: new Date(T0 - 60 * S),
      to: new Date(T0 + 100 * S),
    });
    expect(list.coils).toEqual([
      { coilId: COIL, start: new Date(T0), end: new Date(T0 + 200 * S), open: false, lengthM: 100 },
    ]);
  });

  it("judges the coil against its order's tolerance and maps its defects", async () => {
    const q = await admin.qualityKpi.coilQuality({
      plantId: rp,
      equipment: 'CM-1',
      coilId: COIL,
      binMetres: 10,
      flatnessLimitI: 10,
    });
    expect(q.tolerance).toMatchObject({
      source: 'lot',
      nominalMm: 1,
      minusMm: 0.03,
      plusMm: 0.03,
      lotNo: COIL,
    });
    const quality = q.thickness.quality;
    expect(quality.samples).toBe(100);
    expect(quality.lengthM).toBe(99);
    // Samples 1 m apart: the ten out-of-tolerance ones stand for 10 m of the 99 m between first and last.
    expect(quality.shareInTolerance).toBeCloseTo(89 / 99, 12);
    expect(quality.lengthOutM).toBeCloseTo(10, 12);
    expect(quality.mean).toBeCloseTo(1.005, 12);
    const sigmaWithin = 0.1 / 99 / D2_MOVING_RANGE; // two moving ranges of 0.05 among 99
    expect(quality.sigmaWithin).toBeCloseTo(sigmaWithin, 12);
    expect(quality.cpk).toBeCloseTo(0.025 / (3 * sigmaWithin), 8);
    expect(quality.cp).toBeCloseTo(0.06 / (6 * sigmaWithin), 8);
    // Bins of 10 m: [40, 50) holds metres 41..49 (1.05), [50, 60) holds 50 (1.05) and 51..59 (1.00).
    expect(q.thickness.bins).toHaveLength(11);
    expect(q.thickness.bins[4]).toMatchObject({ fromM: 40, toM: 50, min: 1, max: 1.05, count: 10 });
    expect(q.thickness.bins[5]).toMatchObject({ fromM: 50, toM: 60, min: 1, max: 1.05, count: 10 });
    expect(q.flatness.summary).toMatchObject({ samples: 2, mean: 10, max: 14 });
    expect(q.flatness.summary.shareAboveLimit).toBeCloseTo(0.5, 12);
    expect(q.defects.defects).toEqual([
      { defectNo: 1, type: 'scratch', positionM: 29, crossPositionMm: 100, severity: 1 },
      { defectNo: 3, type: 'dent', positionM: 59.5, crossPositionMm: 500, severity: 3 },
    ]);
    expect(q.defects.missed).toBe(1);
    expect(q.defects.per1000m).toBe(20);

    // A tolerance given by hand wins: ± 0.1 holds the whole coil.
    const wide = await admin.qualityKpi.coilQuality({
      plantId: rp,
      equipment: 'CM-1',
      coilId: COIL,
      tolerance: { nominalMm: 1, minusMm: 0.1, plusMm: 0.1 },
    });
    expect(wide.tolerance?.source).toBe('given');
    expect(wide.thickness.quality.shareInTolerance).toBe(1);

    // A chosen specification wins over the lot's order: ± 0.06 holds the whole coil too.
    const loose = await withTenant(t.db, { tenantId: A }, async (tx) => {
      const alloy = await tx.alloy.findFirstOrThrow({ where: { tenantId: A, code: '3003' } });
      const temper = await tx.temper.findFirstOrThrow({ where: { tenantId: A, code: 'H14' } });
      return tx.productSpec.create({
        data: {
          tenantId: A,
          code: `QKC-LOOSE-${randomBytes(3).toString('hex')}`,
          productFamily: 'strip_coil',
          alloyId: alloy.id,
          temperId: temper.id,
          thicknessMm: 1,
          thicknessTolMinus: 0.06,
          thicknessTolPlus: 0.06,
        },
      });
    });
    const bySpec = await admin.qualityKpi.coilQuality({
      plantId: rp,
      equipment: 'CM-1',
      coilId: COIL,
      specId: loose.id,
    });
    expect(bySpec.tolerance).toMatchObject({
      source: 'spec',
      specCode: loose.code,
      minusMm: 0.06,
      lotNo: null,
    });
    expect(bySpec.thickness.quality.shareInTolerance).toBe(1);
  });

  it('says so when telemetry is off, the coil unknown, or the plant or spec not the caller’s', async () => {
    const req = { plantId: rp, equipment: 'CM-1', coilId: COIL };
    await expect(noTelemetry.qualityKpi.coilQuality(req)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('telemetry is not running'),
    });
    await expect(
      noTelemetry.qualityKpi.coils({
        plantId: rp,
        equipment: 'CM-1',
        from: new Date(T0),
        to: new Date(T0 + S),
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(admin.qualityKpi.coilQuality({ ...req, coilId: 'NO-SUCH-COIL' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(other.qualityKpi.coilQuality(req)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin.qualityKpi.coilQuality({ ...req, specId: theirSpec })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
