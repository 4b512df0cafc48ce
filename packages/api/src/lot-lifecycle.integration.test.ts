/**
 * Material lots through the API: receiving with generated numbers, the status life cycle (hold/release, final
 * statuses), moves, split and merge invariants (mass conservation, refusals naming the field), transform, and one
 * audit row per mutation. PostgreSQL and PGlite.
 */
import { randomUUID } from 'node:crypto';
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
import { auditActions, materialOf, plantIdOf } from './test-support/lots-fixtures.ts';

const A = tenantIdForSlug(EAST);

async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; field: string | null; reason: string | null }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause as { field?: string; reason?: string } | undefined;
    return { code: e.code, message: e.message, field: cause?.field ?? null, reason: cause?.reason ?? null };
  }
  throw new Error('expected the call to fail, it succeeded');
}

describeEachDatabase('material lots', (t) => {
  let admin: TCaller;
  let rp: string;
  let ep: string;
  let al3003: { alloyId: string; temperId: string };
  let al5052: { alloyId: string; temperId: string };
  const lastAudit = async () => (await auditActions(t.database, A)).at(-1);
  const auditCount = async () => (await auditActions(t.database, A)).length;

  /** Runs a mutation and checks it wrote exactly one audit row with this action. */
  async function audited<T>(action: string, call: () => Promise<T>): Promise<T> {
    const before = await auditCount();
    const out = await call();
    expect(await auditCount()).toBe(before + 1);
    expect((await lastAudit())?.action).toBe(action);
    return out;
  }

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP as string;
    ep = seeded.tenants[EAST]?.plants.EP as string;
    expect(await plantIdOf(t.db, EAST, 'RP')).toBe(rp);
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    al3003 = await materialOf(t.db, EAST, '3003', 'H14');
    al5052 = await materialOf(t.db, EAST, '5052', 'O');
  });

  describe('receiving', () => {
    it('generates numbers per plant, kind and month, and refuses a duplicate number on lotNo', async () => {
      const first = await audited('lot.create', () =>
        admin.lot.create({
          plantId: rp,
          kind: 'slab',
          weightKg: 24_500,
          alloyId: al3003.alloyId,
          heatNo: 'H26-0001',
          castNo: 'C26-0001-01',
          dimensions: { thicknessMm: 560, widthMm: 1650 },
          location: 'DC-1 出口',
        }),
      );
      expect(first.lotNo).toMatch(/^RP-SB\d{4}-0001$/);
      expect(first).toMatchObject({
        status: 'available',
        alloyCode: '3003',
        plantCode: 'RP',
        weightKg: 24_500,
      });
      const second = await admin.lot.create({
        plantId: rp,
        kind: 'slab',
        weightKg: 24_000,
        alloyId: al3003.alloyId,
      });
      expect(second.lotNo).toBe(first.lotNo.replace(/0001$/, '0002'));
      const coil = await admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 9000 });
      expect(coil.lotNo).toMatch(/^RP-CL\d{4}-0001$/);
      const billet = await admin.lot.create({ plantId: ep, kind: 'billet', weightKg: 800 });
      expect(billet.lotNo).toMatch(/^EP-BL\d{4}-0001$/);

      const dup = await failure(
        admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 1, lotNo: first.lotNo }),
      );
      expect(dup).toMatchObject({ code: 'CONFLICT', field: 'lotNo' });
      const given = await admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 1, lotNo: 'PO-4711/1' });
      expect(given.lotNo).toBe('PO-4711/1');
    });

    it("refuses another tenant's alloy as NOT_FOUND on alloyId, and a copper temper on an aluminium alloy", async () => {
      const copper = await materialOf(t.db, JIANGNAN, 'C11000', 'H02');
      const e = await failure(
        admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 1, alloyId: copper.alloyId }),
      );
      expect(e).toMatchObject({ code: 'NOT_FOUND', field: 'alloyId' });
      const ownCopper = await materialOf(t.db, EAST, 'C11000', 'H02');
      const mixed = await failure(
        admin.lot.create({
          plantId: rp,
          kind: 'coil',
          weightKg: 1,
          alloyId: al3003.alloyId,
          temperId: ownCopper.temperId,
        }),
      );
      expect(mixed).toMatchObject({ code: 'BAD_REQUEST', field: 'temperId' });
    });
  });

  describe('status life cycle', () => {
    it('holds and releases with a reason, refuses what the life cycle does not allow, and ends in final statuses', async () => {
      const lot = await admin.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 8200,
        alloyId: al3003.alloyId,
      });
      const held = await audited('lot.hold', () => admin.lot.hold({ id: lot.id, reason: '表面划伤待判定' }));
      expect(held.status).toBe('on_hold');
      expect((await failure(admin.lot.hold({ id: lot.id, reason: 'again' }))).code).toBe('CONFLICT');
      const blocked = await failure(admin.lot.split({ id: lot.id, children: [{ weightKg: 100 }] }));
      expect(blocked).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect(blocked.message).toContain('on hold');

      const back = await audited('lot.release', () =>
        admin.lot.release({ id: lot.id, reason: '复检合格', to: 'available' }),
      );
      expect(back.status).toBe('available');
      const byHand = await failure(admin.lot.changeStatus({ id: lot.id, status: 'consumed', reason: 'x' }));
      expect(byHand).toMatchObject({ code: 'BAD_REQUEST', field: 'status' });
      const released = await admin.lot.release({ id: lot.id, reason: '终检合格' });
      expect(released.status).toBe('released');
      const notShipped = await failure(
        admin.lot.changeStatus({ id: lot.id, status: 'shipped', reason: 'x' }),
      );
      expect(notShipped).toMatchObject({ code: 'CONFLICT', field: 'status' });
      expect(notShipped.message).toContain('shipment');

      const moved = await audited('lot.move', () => admin.lot.move({ id: lot.id, location: '成品库 A-03' }));
      expect(moved.location).toBe('成品库 A-03');
      const scrapped = await audited('lot.changeStatus', () =>
        admin.lot.changeStatus({ id: lot.id, status: 'scrapped', reason: '边部裂纹' }),
      );
      expect(scrapped.status).toBe('scrapped');
      const final = await failure(
        admin.lot.changeStatus({ id: lot.id, status: 'available', reason: 'undo' }),
      );
      expect(final).toMatchObject({ code: 'CONFLICT', field: 'status', reason: 'invalid_transition' });
      expect(final.message).toContain('final');
      expect((await failure(admin.lot.move({ id: lot.id, location: 'B' }))).code).toBe('CONFLICT');
      expect((await failure(admin.lot.release({ id: lot.id, reason: 'x', to: 'available' }))).field).toBe(
        'to',
      );
    });

    it('lists with filters and pages newest first', async () => {
      const page1 = await admin.lot.list({ plantId: rp, limit: 2 });
      expect(page1.items).toHaveLength(2);
      expect(page1.nextCursor).not.toBeNull();
      const page2 = await admin.lot.list({ plantId: rp, limit: 2, cursor: page1.nextCursor as string });
      expect(page2.items.map((l) => l.id)).not.toContain(page1.items[0]?.id);
      expect((page1.items[0]?.id ?? '') > (page2.items[0]?.id ?? '')).toBe(true);
      const slabs = await admin.lot.list({ kind: 'slab', status: ['available'] });
      expect(slabs.items.length).toBeGreaterThanOrEqual(2);
      expect(slabs.items.every((l) => l.kind === 'slab' && l.status === 'available')).toBe(true);
    });
  });

  describe('split', () => {
    it('refuses children heavier than the parent, naming children and both weights, and writes nothing', async () => {
      const coil = await admin.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 12_000,
        alloyId: al3003.alloyId,
      });
      const before = await auditCount();
      const e = await failure(
        admin.lot.split({ id: coil.id, children: [{ weightKg: 6000 }, { weightKg: 6000.5 }] }),
      );
      expect(e).toMatchObject({ code: 'BAD_REQUEST', field: 'children', reason: 'weight_exceeds' });
      expect(e.message).toContain('12000.5 kg');
      expect(e.message).toContain('12000 kg');
      expect(await auditCount()).toBe(before);
      expect((await admin.lot.get({ id: coil.id })).status).toBe('available');
    });

    it('conserves mass: children + recorded scrap = parent; children inherit alloy, temper, heat and cast', async () => {
      const coil = await admin.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 12_000,
        alloyId: al3003.alloyId,
        temperId: al3003.temperId,
        heatNo: 'H26-0042',
        castNo: 'C26-0042-03',
        dimensions: { thicknessMm: 1, widthMm: 1500 },
      });
      const out = await audited('lot.split', () =>
        admin.lot.split({
          id: coil.id,
          children: [
            { weightKg: 3950, dimensions: { widthMm: 490 } },
            { weightKg: 3950, dimensions: { widthMm: 490 } },
            { weightKg: 3950, dimensions: { widthMm: 490 }, lotNo: `${coil.lotNo}-X` },
          ],
        }),
      );
      expect(out.parent.status).toBe('consumed');
      expect(out.children.map((c) => c.lotNo)).toEqual([
        `${coil.lotNo}-1`,
        `${coil.lotNo}-2`,
        `${coil.lotNo}-X`,
      ]);
      for (const c of out.children) {
        expect(c).toMatchObject({
          alloyId: al3003.alloyId,
          temperId: al3003.temperId,
          heatNo: 'H26-0042',
          castNo: 'C26-0042-03',
          status: 'available',
          dimensions: { thicknessMm: 1, widthMm: 490 },
        });
      }
      expect(out.scrapKg).toBe(150);
      expect(out.scrap).toMatchObject({ lotNo: `${coil.lotNo}-S`, status: 'scrapped', weightKg: 150 });
      const detail = await admin.lot.get({ id: coil.id });
      expect(detail.children).toHaveLength(4);
      const linked = detail.children.reduce((s, l) => s + l.weightKg, 0);
      expect(linked).toBeCloseTo(coil.weightKg, 6);
      expect(detail.children.filter((l) => l.kind === 'split_scrap')).toHaveLength(1);
      const again = await failure(admin.lot.split({ id: coil.id, children: [{ weightKg: 1 }] }));
      expect(again).toMatchObject({ code: 'CONFLICT', field: 'id' });
    });

    it('records no scrap lot when the children take the whole parent', async () => {
      const coil = await admin.lot.create({ plantId: rp, kind: 'coil', weightKg: 1000 });
      const out = await admin.lot.split({ id: coil.id, children: [{ weightKg: 400 }, { weightKg: 600 }] });
      expect(out.scrap).toBeNull();
      expect(out.scrapKg).toBe(0);
    });
  });

  describe('merge and transform', () => {
    it('refuses lots of different alloys on lotIds, merges same-alloy lots into their sum', async () => {
      const a = await admin.lot.create({
        plantId: ep,
        kind: 'billet',
        weightKg: 800,
        alloyId: al3003.alloyId,
        heatNo: 'H1',
      });
      const b = await admin.lot.create({
        plantId: ep,
        kind: 'billet',
        weightKg: 820,
        alloyId: al3003.alloyId,
        heatNo: 'H2',
      });
      const c = await admin.lot.create({
        plantId: ep,
        kind: 'billet',
        weightKg: 790,
        alloyId: al5052.alloyId,
        heatNo: 'H1',
      });
      const mixed = await failure(admin.lot.merge({ lotIds: [a.id, c.id] }));
      expect(mixed).toMatchObject({ code: 'BAD_REQUEST', field: 'lotIds', reason: 'mixed_alloys' });
      expect(mixed.message).toContain('3003');
      expect(mixed.message).toContain('5052');
      const plants = await failure(
        admin.lot.merge({
          lotIds: [
            a.id,
            (await admin.lot.create({ plantId: rp, kind: 'billet', weightKg: 1, alloyId: al3003.alloyId }))
              .id,
          ],
        }),
      );
      expect(plants).toMatchObject({ code: 'BAD_REQUEST', field: 'lotIds' });

      const merged = await audited('lot.merge', () =>
        admin.lot.merge({ lotIds: [a.id, b.id], location: '挤压机前' }),
      );
      expect(merged.lot).toMatchObject({
        weightKg: 1620,
        alloyId: al3003.alloyId,
        heatNo: null,
        kind: 'billet',
      });
      expect(merged.lot.lotNo).toMatch(/^EP-BL\d{4}-\d{4}$/);
      expect(merged.consumed.map((l) => l.status)).toEqual(['consumed', 'consumed']);
      const detail = await admin.lot.get({ id: merged.lot.id });
      expect(detail.parents.map((p) => p.lotNo).sort()).toEqual([a.lotNo, b.lotNo].sort());
      expect(detail.parents.every((p) => p.kind === 'merge')).toBe(true);
      const twice = await failure(admin.lot.merge({ lotIds: [a.id, b.id] }));
      expect(twice).toMatchObject({ code: 'CONFLICT', field: 'lotIds.0' });
    });

    it('transforms a lot into a lighter one, refusing a heavier output on output.weightKg', async () => {
      const slab = await admin.lot.create({
        plantId: rp,
        kind: 'slab',
        weightKg: 20_000,
        alloyId: al3003.alloyId,
        heatNo: 'H9',
      });
      const heavy = await failure(
        admin.lot.transform({ id: slab.id, output: { weightKg: 20_100, kind: 'coil' } }),
      );
      expect(heavy).toMatchObject({ code: 'BAD_REQUEST', field: 'output.weightKg' });
      const out = await audited('lot.transform', () =>
        admin.lot.transform({
          id: slab.id,
          output: { weightKg: 19_300, kind: 'coil', temperId: al3003.temperId },
        }),
      );
      expect(out.input.status).toBe('consumed');
      expect(out.output).toMatchObject({
        kind: 'coil',
        heatNo: 'H9',
        alloyId: al3003.alloyId,
        temperCode: 'H14',
      });
      expect(out.lossKg).toBe(700);
    });
  });

  describe('tenant isolation', () => {
    it("answers NOT_FOUND for another tenant's lot exactly as for a missing id, and changes nothing of it", async () => {
      const other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
      const csp = await plantIdOf(t.db, JIANGNAN, 'CSP');
      const theirs = await other.lot.create({ plantId: csp, kind: 'coil', weightKg: 5000, heatNo: 'JN-H1' });
      const mine = await admin.lot.create({
        plantId: rp,
        kind: 'coil',
        weightKg: 5000,
        alloyId: al3003.alloyId,
      });
      const missing = randomUUID();
      for (const call of [
        (id: string) => admin.lot.get({ id }),
        (id: string) => admin.lot.genealogy({ id }),
        (id: string) => admin.lot.hold({ id, reason: 'x' }),
        (id: string) => admin.lot.move({ id, location: 'x' }),
        (id: string) => admin.lot.split({ id, children: [{ weightKg: 1 }] }),
        (id: string) => admin.lot.transform({ id, output: { weightKg: 1 } }),
      ]) {
        const hidden = await failure(call(theirs.id));
        expect(hidden.code).toBe('NOT_FOUND');
        expect(hidden).toEqual(await failure(call(missing)));
      }
      const merge = await failure(admin.lot.merge({ lotIds: [mine.id, theirs.id] }));
      expect(merge).toMatchObject({ code: 'NOT_FOUND', field: 'lotIds.1' });
      expect((await admin.lot.search({ q: 'JN-H1' })).length).toBe(0);
      expect((await other.lot.get({ id: theirs.id })).status).toBe('available');
      expect((await admin.lot.get({ id: mine.id })).status).toBe('available');
    });
  });
});
