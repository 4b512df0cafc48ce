/**
 * Lot genealogy over several generations — cast slab -> hot coil -> cold coil -> slit coils -> shipment — backward
 * to the heat and forward to the customer, as trees with depth; the traceability search; and isolation: the
 * recursive walk never crosses tenants, not even along a link row forged past the foreign keys, and a member
 * limited to one plant does not see another plant's lots. PostgreSQL and PGlite.
 */
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';
import {
  createProductionFixture,
  materialOf,
  plantIdOf,
  shipLotFixture,
} from './test-support/lots-fixtures.ts';

type TGenealogy = Awaited<ReturnType<TCaller['lot']['genealogy']>>;
type TTree = NonNullable<TGenealogy['backward']>;

/** The tree as nested lot numbers: `A(B(C),D)`. */
function shape(g: TGenealogy, tree: TTree | null): string {
  if (!tree) return '';
  const no = (id: string) => g.lots.find((l) => l.id === id)?.lotNo ?? '?';
  const walk = (n: TTree): string =>
    n.children.length === 0 ? no(n.lotId) : `${no(n.lotId)}(${n.children.map(walk).join(',')})`;
  return walk(tree);
}

async function failure(call: Promise<unknown>): Promise<{ code: string; field: string | null }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { code: e.code, field: (e.cause as { field?: string } | undefined)?.field ?? null };
  }
  throw new Error('expected the call to fail, it succeeded');
}

describeEachDatabase('lot genealogy', (t) => {
  let admin: TCaller;
  let rp: string;
  let ep: string;
  const chain = {} as Record<
    'cast' | 'hot' | 'cold' | 's1' | 's2' | 's3' | 'scrap' | 'ship',
    { id: string; lotNo: string }
  >;
  let orderNo: string;

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    ep = seeded.tenants[EAST]?.plants.EP as string;
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    const m = await materialOf(t.db, EAST, '3003', 'H14');
    const f = await createProductionFixture(t.db, {
      slug: EAST,
      plantCode: 'RP',
      orderNo: 'SO-GEN-1',
      steps: [{ code: 'slitting', equipmentCode: 'SL-1', yield: 0.97 }],
    });
    orderNo = f.orderNo;
    const cast = await admin.lot.create({
      plantId: rp,
      kind: 'slab',
      weightKg: 25_000,
      alloyId: m.alloyId,
      heatNo: 'H26-0777',
      castNo: 'C26-0777-02',
      location: 'DC-1',
    });
    const hot = await admin.lot.transform({ id: cast.id, output: { kind: 'coil', weightKg: 24_200 } });
    const cold = await admin.lot.transform({
      id: hot.output.id,
      output: { weightKg: 23_900, temperId: m.temperId, dimensions: { thicknessMm: 1, widthMm: 1500 } },
    });
    const slit = await admin.lot.split({
      id: cold.output.id,
      children: [{ weightKg: 7900 }, { weightKg: 7900 }, { weightKg: 7900 }],
    });
    const [s1, s2, s3] = slit.children;
    if (!s1 || !s2 || !s3 || !slit.scrap) throw new Error('split incomplete');
    Object.assign(chain, { cast, hot: hot.output, cold: cold.output, s1, s2, s3, scrap: slit.scrap });
    await admin.lot.release({ id: s2.id, reason: '终检合格 (CoA 2611-17)' });
    await shipLotFixture(t.db, EAST, {
      orderId: f.orderId,
      lotId: s2.id,
      shipmentNo: 'SH-GEN-1',
      quantity: 7.9,
    });
    const shipped = await admin.lot.changeStatus({ id: s2.id, status: 'shipped', reason: 'SH-GEN-1 装车' });
    expect(shipped.status).toBe('shipped');
  });

  describe('backward and forward', () => {
    it('goes backward from a slit coil to the cast, with depth and the heat/cast numbers at the top', async () => {
      const g = await admin.lot.genealogy({ id: chain.s1.id, direction: 'backward' });
      expect(shape(g, g.backward)).toBe(
        `${chain.s1.lotNo}(${chain.cold.lotNo}(${chain.hot.lotNo}(${chain.cast.lotNo})))`,
      );
      expect(g.forward).toBeNull();
      const depth = Object.fromEntries(g.lots.map((l) => [l.lotNo, l.depth]));
      expect(depth).toEqual({
        [chain.cast.lotNo]: -3,
        [chain.hot.lotNo]: -2,
        [chain.cold.lotNo]: -1,
        [chain.s1.lotNo]: 0,
      });
      const top = g.lots.find((l) => l.depth === -3);
      expect(top).toMatchObject({
        kind: 'slab',
        heatNo: 'H26-0777',
        castNo: 'C26-0777-02',
        alloyCode: '3003',
      });
      expect(g.links.map((l) => l.kind).sort()).toEqual(['split', 'transform', 'transform']);
      expect(g.truncated).toBe(false);
    });

    it('goes forward from the cast to every slit coil, the scrap, and the shipment with its order and customer', async () => {
      const g = await admin.lot.genealogy({ id: chain.cast.id, direction: 'forward' });
      const slits = [chain.s1, chain.s2, chain.s3, chain.scrap].map((l) => l.lotNo).sort();
      expect(shape(g, g.forward)).toBe(
        `${chain.cast.lotNo}(${chain.hot.lotNo}(${chain.cold.lotNo}(${slits.join(',')})))`,
      );
      const shipped = g.lots.find((l) => l.id === chain.s2.id);
      expect(shipped).toMatchObject({ depth: 3, status: 'shipped', heatNo: 'H26-0777' });
      expect(shipped?.shipments).toEqual([
        expect.objectContaining({ shipmentNo: 'SH-GEN-1', orderNo, customerCode: 'FX-CUST', quantity: 7.9 }),
      ]);
      const mass = g.links.filter((l) => l.parentLotId === chain.cold.id).reduce((s, l) => s + l.weightKg, 0);
      expect(mass).toBeCloseTo(23_900, 6);
    });

    it('walks both ways from the middle and cuts at maxDepth, saying so', async () => {
      const both = await admin.lot.genealogy({ id: chain.hot.id });
      expect(both.lots.map((l) => l.depth).sort((a, b) => a - b)).toEqual([-1, 0, 1, 2, 2, 2, 2]);
      const cut = await admin.lot.genealogy({ id: chain.s3.id, direction: 'backward', maxDepth: 2 });
      expect(cut.truncated).toBe(true);
      expect(cut.lots.map((l) => l.lotNo)).not.toContain(chain.cast.lotNo);
    });

    it('follows a merge back to both parents', async () => {
      const merged = await admin.lot.merge({ lotIds: [chain.s1.id, chain.s3.id], kind: 'coil' });
      const g = await admin.lot.genealogy({ id: merged.lot.id, direction: 'backward' });
      const heads = g.backward?.children.map((c) => g.lots.find((l) => l.id === c.lotId)?.lotNo).sort();
      expect(heads).toEqual([chain.s1.lotNo, chain.s3.lotNo].sort());
      // both paths lead to the same cast: it appears under each branch of the tree, once in the lot list
      expect(g.lots.filter((l) => l.id === chain.cast.id)).toHaveLength(1);
      expect(JSON.stringify(g.backward).split(`"lotId":"${chain.cast.id}"`).length - 1).toBe(2);
      expect(merged.lot.heatNo).toBe('H26-0777');
    });
  });

  describe('search', () => {
    it('finds lots by heat number, by the beginning of a lot number and by the shipping order number', async () => {
      const byHeat = await admin.lot.search({ q: 'h26-0777' });
      expect(byHeat.map((l) => l.lotNo)).toEqual(
        expect.arrayContaining([chain.cast.lotNo, chain.hot.lotNo, chain.cold.lotNo, chain.s1.lotNo]),
      );
      expect(new Set(byHeat.map((l) => l.matchedBy))).toEqual(new Set(['heatNo']));
      const byNo = await admin.lot.search({ q: chain.cold.lotNo });
      expect(byNo[0]).toMatchObject({ id: chain.cold.id, matchedBy: 'lotNo' });
      expect(byNo.map((l) => l.lotNo)).toContain(chain.s1.lotNo);
      const byId = await admin.lot.search({ q: chain.s1.id.toUpperCase() });
      expect(byId.map((l) => [l.id, l.matchedBy])).toEqual([[chain.s1.id, 'id']]);
      const byCast = await admin.lot.search({ q: 'C26-0777-02' });
      expect(byCast.some((l) => l.id === chain.cast.id && l.matchedBy === 'castNo')).toBe(true);
      const byOrder = await admin.lot.search({ q: orderNo });
      expect(byOrder.map((l) => [l.lotNo, l.matchedBy])).toContainEqual([chain.s2.lotNo, 'orderNo']);
    });
  });

  describe('isolation', () => {
    it('never crosses tenants: a forged link row is refused by the keys, and one slipped past them is not followed', async () => {
      const other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
      const csp = await plantIdOf(t.db, JIANGNAN, 'CSP');
      const theirs = await other.lot.create({ plantId: csp, kind: 'coil', weightKg: 3000, heatNo: 'JN-777' });
      const A = tenantIdForSlug(EAST);
      const B = tenantIdForSlug(JIANGNAN);
      // The composite foreign keys (tenant_id, lot id) refuse a link into another tenant's lot.
      await expect(
        t.database.ownerQuery(
          `INSERT INTO lot_link (tenant_id, parent_lot_id, child_lot_id, kind, weight_kg) VALUES ($1, $2, $3, 'split', 1)`,
          [A, theirs.id, chain.cast.id],
        ),
      ).rejects.toThrow(/foreign key/i);
      // Slip two past the keys (replication role skips FK triggers): B's coil as parent of A's cast under A, and
      // A's slit coil as parent of B's coil under B.
      await t.database.ownerQuery(`DO $$ BEGIN
          SET LOCAL session_replication_role = replica;
          INSERT INTO lot_link (tenant_id, parent_lot_id, child_lot_id, kind, weight_kg)
            VALUES ('${A}', '${theirs.id}', '${chain.cast.id}', 'merge', 1),
                   ('${B}', '${chain.s1.id}', '${theirs.id}', 'merge', 1);
        END $$`);
      const forged = await t.database.ownerQuery<{ n: string }>(
        'SELECT count(*)::text AS n FROM lot_link WHERE parent_lot_id IN ($1, $2)',
        [theirs.id, chain.s1.id],
      );
      expect(Number(forged[0]?.n)).toBeGreaterThanOrEqual(2);

      const up = await admin.lot.genealogy({ id: chain.s1.id });
      const ids = JSON.stringify(up);
      expect(ids).not.toContain(theirs.id);
      expect(ids).not.toContain('JN-777');
      const fromCast = await admin.lot.genealogy({ id: chain.cast.id, direction: 'backward' });
      expect(fromCast.lots.map((l) => l.id)).toEqual([chain.cast.id]);
      const theirView = JSON.stringify(await other.lot.genealogy({ id: theirs.id }));
      expect(theirView).not.toContain(chain.s1.id);
      expect(theirView).not.toContain(chain.cast.id);
      expect(theirView).not.toContain('H26-0777');
      expect((await failure(other.lot.genealogy({ id: chain.s1.id }))).code).toBe('NOT_FOUND');
    });

    it("keeps a member limited to the extrusion plant away from the rolling plant's lots", async () => {
      await admin.member.add({
        email: 'ep-operator@east-china-al.demo',
        displayName: '挤压操作工',
        roles: ['operator'],
        plantIds: [ep],
      });
      const epOperator = callerFor(t.db, 'ep-operator@east-china-al.demo', EAST);
      const billet = await epOperator.lot.create({ plantId: ep, kind: 'billet', weightKg: 900 });
      expect((await failure(epOperator.lot.get({ id: chain.cast.id }))).code).toBe('NOT_FOUND');
      expect((await failure(epOperator.lot.genealogy({ id: chain.s1.id }))).code).toBe('NOT_FOUND');
      expect(await failure(epOperator.lot.create({ plantId: rp, kind: 'coil', weightKg: 1 }))).toEqual({
        code: 'NOT_FOUND',
        field: 'plantId',
      });
      expect(
        (await failure(epOperator.lot.split({ id: chain.s3.id, children: [{ weightKg: 1 }] }))).code,
      ).toBe('NOT_FOUND');
      const listed = await epOperator.lot.list({});
      expect(listed.items.map((l) => l.plantId)).toEqual(listed.items.map(() => ep));
      expect(listed.items.map((l) => l.id)).toContain(billet.id);
      expect(await epOperator.lot.search({ q: 'H26-0777' })).toEqual([]);
      expect((await failure(epOperator.lot.list({ plantId: rp }))).code).toBe('NOT_FOUND');
      // operators may not hold lots (lot.update is quality's and the managers')
      expect((await failure(epOperator.lot.hold({ id: billet.id, reason: 'x' }))).code).toBe('FORBIDDEN');
    });
  });
});
