/**
 * qualityKpi.kpis against real PostgreSQL / PGlite: first-pass yield per local week and product family (a retest
 * that passed is not a first pass; unevaluated and cancelled requests do not count), the defect Pareto by type,
 * machine and shift of the plant's local time, and nonconformance ageing by status. Rows are written straight
 * with Prisma in March 2025, far from anything the demo seed writes, and every figure is asserted exactly.
 */
import { randomBytes } from 'node:crypto';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
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
const at = (iso: string) => new Date(iso);

describeEachDatabase('quality KPIs', (t) => {
  let admin: TCaller;
  let other: TCaller;
  let rp: string;
  let csp: string;

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    csp = seeded.tenants[JIANGNAN]?.plants.CSP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const fx = await createProductionFixture(t.db, {
      slug: EAST,
      plantCode: 'RP',
      orderNo: `QK-${tag}`,
      steps: [
        { code: 'hot_rolling', equipmentCode: 'HM-1', yield: 1 },
        { code: 'cold_rolling', equipmentCode: 'CM-1', yield: 1 },
      ],
    });
    const [hot, cold] = fx.operations;
    if (!hot || !cold) throw new Error('fixture has no operations');
    await withTenant(t.db, { tenantId: A }, async (tx) => {
      // Cold rolling ended 10:00 Shanghai (shift A), hot rolling 15:00 (shift B).
      await tx.workOrderOperation.update({
        where: { id: cold.id },
        data: { status: 'done', actualEquipmentId: cold.equipmentId, actualEnd: at('2025-03-03T02:00:00Z') },
      });
      await tx.workOrderOperation.update({
        where: { id: hot.id },
        data: { status: 'done', actualEquipmentId: hot.equipmentId, actualEnd: at('2025-03-03T07:00:00Z') },
      });
      const lot = (no: string, operationId: string | null) =>
        tx.materialLot.create({
          data: {
            tenantId: A,
            plantId: rp,
            lotNo: `${no}-${tag}`,
            kind: 'coil',
            weightKg: 5000,
            ...(operationId ? { workOrderId: fx.workOrderId, operationId } : {}),
          },
        });
      const coldLot = await lot('QK-L1', cold.id);
      const hotLot = await lot('QK-L2', hot.id);
      const bought = await lot('QK-L3', null);
      const plan = await tx.inspectionPlan.create({
        data: { tenantId: A, code: `QK-P-${tag}`, name: 'KPI plan' },
      });
      const characteristic = await tx.inspectionCharacteristic.create({
        data: {
          tenantId: A,
          planId: plan.id,
          seq: 1,
          code: 'thickness',
          unit: 'mm',
          lowerLimit: 0.97,
          upperLimit: 1.03,
        },
      });
      let n = 0;
      const request = async (
        lotId: string,
        createdAt: string,
        verdict: 'pass' | 'fail' | null,
        results: ('pass' | 'fail')[],
        opts: { status?: 'evaluated' | 'cancelled' | 'results_entered'; operationId?: string } = {},
      ) => {
        n += 1;
        const r = await tx.inspectionRequest.create({
          data: {
            tenantId: A,
            plantId: rp,
            requestNo: `QK-R${n}-${tag}`,
            lotId,
            planId: plan.id,
            operationId: opts.operationId ?? null,
            origin: 'manual',
            status: opts.status ?? 'evaluated',
            verdict,
            createdAt: at(createdAt),
          },
        });
        const sample = await tx.labSample.create({
          data: { tenantId: A, requestId: r.id, sampleNo: `QK-S${n}-${tag}` },
        });
        let previous: string | null = null;
        for (const v of results) {
          const row: { id: string } = await tx.inspectionResult.create({
            data: {
              tenantId: A,
              requestId: r.id,
              sampleId: sample.id,
              characteristicId: characteristic.id,
              value: v === 'pass' ? 1 : 1.1,
              verdict: v,
              supersedesId: previous,
            },
          });
          previous = row.id;
        }
        return r.id;
      };
      await request(coldLot.id, '2025-03-03T03:00:00Z', 'pass', ['pass']); // first pass
      const retested = await request(coldLot.id, '2025-03-04T03:00:00Z', 'pass', ['fail', 'pass'], {
        operationId: cold.id,
      }); // passed only after a retest
      const failed = await request(hotLot.id, '2025-03-05T03:00:00Z', 'fail', ['fail']);
      await request(bought.id, '2025-03-05T04:00:00Z', 'pass', ['pass']); // no order: family from the plan (none)
      await request(coldLot.id, '2025-03-06T03:00:00Z', null, [], { status: 'results_entered' }); // not evaluated
      await request(coldLot.id, '2025-03-06T04:00:00Z', 'pass', ['pass'], { status: 'cancelled' });
      await request(coldLot.id, '2025-03-11T03:00:00Z', 'pass', ['pass']); // next week
      // Sunday 17:00 UTC is Monday 01:00 in Shanghai: the next local week.
      await request(coldLot.id, '2025-03-09T17:00:00Z', 'pass', ['pass']);

      const nc = (
        no: number,
        lotId: string,
        defectCode: string,
        createdAt: string,
        status: 'open' | 'dispositioned' | 'closed',
        requestId: string | null = null,
      ) =>
        tx.nonconformance.create({
          data: {
            tenantId: A,
            plantId: rp,
            ncNo: `QK-NC${no}-${tag}`,
            lotId,
            requestId,
            defectCode,
            description: defectCode,
            status,
            createdAt: at(createdAt),
          },
        });
      await nc(1, coldLot.id, 'thickness', '2025-03-04T05:00:00Z', 'closed', retested); // CM-1 via the request, A
      await nc(2, hotLot.id, 'surface_defect:scratch', '2025-03-05T05:00:00Z', 'open', failed); // HM-1 via the lot, B
      await nc(3, hotLot.id, 'surface_defect:scratch', '2025-02-01T05:00:00Z', 'dispositioned'); // before the range
      await nc(4, bought.id, 'flatness', '2025-03-05T20:00:00Z', 'open'); // no operation: 04:00 local, C
      await nc(5, coldLot.id, 'surface_defect:scratch', '2025-03-10T05:00:00Z', 'open'); // CM-1 via the lot, A
    });
  });

  const range = {
    from: at('2025-03-01T00:00:00Z'),
    to: at('2025-03-15T00:00:00Z'),
    asOf: at('2025-03-15T00:00:00Z'),
  };

  it('computes first-pass yield per local week and product family', async () => {
    const k = await admin.qualityKpi.kpis({ plantId: rp, ...range, period: 'week' });
    expect(k.fpy.rows).toEqual([
      {
        plantId: rp,
        period: '2025-03-03',
        productFamily: 'strip_coil',
        evaluated: 3,
        firstPass: 1,
        fpy: 1 / 3,
      },
      { plantId: rp, period: '2025-03-03', productFamily: 'unknown', evaluated: 1, firstPass: 1, fpy: 1 },
      { plantId: rp, period: '2025-03-10', productFamily: 'strip_coil', evaluated: 2, firstPass: 2, fpy: 1 },
    ]);
    expect(k.fpy.byPeriod).toEqual([
      { period: '2025-03-03', evaluated: 4, firstPass: 2, fpy: 0.5 },
      { period: '2025-03-10', evaluated: 2, firstPass: 2, fpy: 1 },
    ]);
    expect(k.fpy.total).toEqual({ evaluated: 6, firstPass: 4, fpy: 4 / 6 });
    const strip = await admin.qualityKpi.kpis({ plantId: rp, ...range, productFamily: 'strip_coil' });
    expect(strip.fpy.total).toEqual({ evaluated: 5, firstPass: 3, fpy: 3 / 5 });
    const monthly = await admin.qualityKpi.kpis({ plantId: rp, ...range, period: 'month' });
    expect(monthly.fpy.byPeriod).toEqual([{ period: '2025-03-01', evaluated: 6, firstPass: 4, fpy: 4 / 6 }]);
  });

  it('ranks defects by type, machine and shift with the cumulative share', async () => {
    const k = await admin.qualityKpi.kpis({ plantId: rp, ...range });
    expect(k.pareto.total).toBe(4);
    expect(k.pareto.byType).toEqual([
      { key: 'surface_defect:scratch', count: 2, share: 0.5, cumulativeShare: 0.5 },
      { key: 'flatness', count: 1, share: 0.25, cumulativeShare: 0.75 },
      { key: 'thickness', count: 1, share: 0.25, cumulativeShare: 1 },
    ]);
    expect(k.pareto.byEquipment).toEqual([
      { key: 'CM-1', count: 2, share: 0.5, cumulativeShare: 0.5 },
      { key: 'HM-1', count: 1, share: 0.25, cumulativeShare: 0.75 },
      { key: null, count: 1, share: 0.25, cumulativeShare: 1 },
    ]);
    expect(k.pareto.byShift).toEqual([
      { key: 'A', count: 2, share: 0.5, cumulativeShare: 0.5 },
      { key: 'B', count: 1, share: 0.25, cumulativeShare: 0.75 },
      { key: 'C', count: 1, share: 0.25, cumulativeShare: 1 },
    ]);
    // Another calendar: two 12-hour shifts from 08:00 put 10:00 and 15:00 in D, 04:00 in N.
    const twelve = await admin.qualityKpi.kpis({
      plantId: rp,
      ...range,
      shifts: [
        { code: 'D', start: '08:00', end: '20:00' },
        { code: 'N', start: '20:00', end: '08:00' },
      ],
    });
    expect(twelve.pareto.byShift.map((b) => [b.key, b.count])).toEqual([
      ['D', 3],
      ['N', 1],
    ]);
  });

  it('ages the nonconformances not closed by status', async () => {
    const k = await admin.qualityKpi.kpis({ plantId: rp, ...range });
    expect(k.ageing.rows).toEqual([
      { status: 'open', bucket: 'lt7d', count: 1 },
      { status: 'open', bucket: '7to30d', count: 2 },
      { status: 'open', bucket: 'gt30d', count: 0 },
      { status: 'dispositioned', bucket: 'lt7d', count: 0 },
      { status: 'dispositioned', bucket: '7to30d', count: 0 },
      { status: 'dispositioned', bucket: 'gt30d', count: 1 },
    ]);
    expect(k.ageing.total).toBe(4);
  });

  it("shows nothing of another tenant's rows and refuses its plant", async () => {
    const theirs = await other.qualityKpi.kpis({ ...range });
    expect(theirs.fpy.total.evaluated).toBe(0);
    expect(theirs.pareto.total).toBe(0);
    expect(theirs.ageing.total).toBe(0);
    await expect(other.qualityKpi.kpis({ plantId: rp, ...range })).rejects.toThrow(TRPCError);
    await expect(other.qualityKpi.kpis({ plantId: rp, ...range })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await other.qualityKpi.kpis({ plantId: csp, ...range })).fpy.rows).toEqual([]);
    // All of the member's plants: the same figures as the one plant (nothing else in March 2025).
    expect((await admin.qualityKpi.kpis({ ...range })).fpy.total).toEqual({
      evaluated: 6,
      firstPass: 4,
      fpy: 4 / 6,
    });
  });

  it('refuses a range that ends before it starts, and overlapping shifts', async () => {
    await expect(admin.qualityKpi.kpis({ from: range.to, to: range.from })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      admin.qualityKpi.kpis({
        ...range,
        shifts: [
          { code: 'A', start: '06:00', end: '18:00' },
          { code: 'B', start: '14:00', end: '06:00' },
        ],
      }),
    ).rejects.toThrow(/overlaps another shift/);
  });
});
