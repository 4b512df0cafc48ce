/**
 * Lot numbers drawn concurrently stay unique and consecutive (advisory lock per prefix), and the recursive
 * genealogy answers a heat-sized tree (one melt -> 20 slabs -> hot and cold coils -> 160 slit coils, 221 lots)
 * in bounded time. PostgreSQL and PGlite.
 */
import { randomUUID } from 'node:crypto';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, EAST, EAST_ADMIN, type TCaller } from './test-support/demo-callers.ts';
import { createProductionFixture, materialOf } from './test-support/lots-fixtures.ts';

const A = tenantIdForSlug(EAST);

describeEachDatabase('lot scale', (t) => {
  let admin: TCaller;
  let rp: string;

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST);
  });

  it('draws distinct, consecutive numbers for lots created at the same moment', async () => {
    const lots = await Promise.all(
      Array.from({ length: 8 }, () => admin.lot.create({ plantId: rp, kind: 'foil_roll', weightKg: 1200 })),
    );
    const numbers = lots.map((l) => l.lotNo).sort();
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.map((n) => Number(n.slice(-4)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lets only one of two operators start the same operation with the same coil at the same moment', async () => {
    const f = await createProductionFixture(t.db, {
      slug: EAST,
      plantCode: 'RP',
      orderNo: 'SO-RACE-1',
      steps: [{ code: 'cold_rolling', equipmentCode: 'CM-1', yield: 0.98 }],
    });
    const coil = await admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 9000, alloyId: f.alloyId });
    const other = callerFor(t.db, EAST_ADMIN, EAST);
    const start = (c: TCaller) =>
      c.shopFloor.start({
        operationId: f.operations[0]?.id as string,
        equipmentId: f.equipment['CM-1'] as string,
        inputLotIds: [coil.id],
      });
    const results = await Promise.allSettled([start(admin), start(other)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const detail = await admin.shopFloor.operation({ operationId: f.operations[0]?.id as string });
    expect(detail.reports.map((r) => r.kind)).toEqual(['start', 'input']);
    expect((await admin.lot.get({ id: coil.id })).status).toBe('in_process');
  });

  it('walks a 221-lot heat tree forward and a leaf back to the melt in bounded time', async () => {
    const { alloyId } = await materialOf(t.db, EAST, '3003', 'H14');
    const lots: Array<{ id: string; lotNo: string; kind: 'ingot' | 'slab' | 'coil'; weightKg: number }> = [];
    const links: Array<{ parentLotId: string; childLotId: string; kind: string; weightKg: number }> = [];
    const lot = (lotNo: string, kind: 'ingot' | 'slab' | 'coil', weightKg: number) => {
      const row = { id: randomUUID(), lotNo, kind, weightKg };
      lots.push(row);
      return row;
    };
    const melt = lot('SCALE-M1', 'ingot', 500_000);
    let leaf = melt;
    for (let s = 1; s <= 20; s++) {
      const slab = lot(`SCALE-S${s}`, 'slab', 25_000);
      links.push({ parentLotId: melt.id, childLotId: slab.id, kind: 'split', weightKg: 25_000 });
      const hot = lot(`SCALE-S${s}-H`, 'coil', 24_200);
      links.push({ parentLotId: slab.id, childLotId: hot.id, kind: 'transform', weightKg: 25_000 });
      const cold = lot(`SCALE-S${s}-C`, 'coil', 23_800);
      links.push({ parentLotId: hot.id, childLotId: cold.id, kind: 'transform', weightKg: 24_200 });
      for (let k = 1; k <= 8; k++) {
        leaf = lot(`SCALE-S${s}-C-${k}`, 'coil', 2900);
        links.push({ parentLotId: cold.id, childLotId: leaf.id, kind: 'split', weightKg: 2975 });
      }
    }
    expect(lots).toHaveLength(221);
    await withTenant(t.db, { tenantId: A }, async (tx) => {
      await tx.materialLot.createMany({
        data: lots.map((l) => ({
          ...l,
          tenantId: A,
          plantId: rp,
          alloyId,
          heatNo: 'H-SCALE',
          status: l.id === melt.id ? ('consumed' as const) : ('available' as const),
        })),
      });
      await tx.lotLink.createMany({ data: links.map((l) => ({ ...l, tenantId: A })) });
    });

    await admin.lot.genealogy({ id: melt.id, direction: 'forward' }); // warm-up: plans and connections
    const t0 = performance.now();
    const forward = await admin.lot.genealogy({ id: melt.id, direction: 'forward' });
    const forwardMs = performance.now() - t0;
    expect(forward.lots).toHaveLength(lots.length);
    expect(forward.forward?.children).toHaveLength(20);
    expect(Math.max(...forward.lots.map((l) => l.depth))).toBe(4);

    const t1 = performance.now();
    const back = await admin.lot.genealogy({ id: leaf.id, direction: 'backward' });
    const backwardMs = performance.now() - t1;
    expect(back.lots.map((l) => l.depth)).toEqual([-4, -3, -2, -1, 0]);
    console.log(
      `[${t.kind}] genealogy of ${lots.length} lots: forward ${forwardMs.toFixed(0)} ms, backward ${backwardMs.toFixed(0)} ms`,
    );
    expect(forwardMs).toBeLessThan(5_000);
    expect(backwardMs).toBeLessThan(2_000);
  });
});
