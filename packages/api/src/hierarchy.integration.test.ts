/**
 * The plant hierarchy through the API: plant scope (the planner limited to the rolling plant), roles, moves,
 * delete-with-children and duplicate-code conflicts, and the one audit row per mutation. PostgreSQL and PGlite.
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
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';

const A = tenantIdForSlug(EAST);

/** Awaits a call that must fail; returns the TRPCError (code, message, and the domain error's field). */
async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; field: string | null }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const field = (e.cause as { field?: string } | undefined)?.field ?? null;
    return { code: e.code, message: e.message, field };
  }
  throw new Error('expected the call to fail, it succeeded');
}

describeEachDatabase('plant hierarchy', (t) => {
  let admin: TCaller;
  let planner: TCaller;
  let plantByCode: Record<string, string>;
  const auditCount = async () =>
    Number(
      (
        await t.database.ownerQuery<{ n: string }>(
          'SELECT count(*)::text AS n FROM audit_event WHERE tenant_id = $1',
          [A],
        )
      )[0]?.n,
    );
  type TTree = Awaited<ReturnType<TCaller['equipment']['tree']>>;
  const lineIn = (tree: TTree, code: string) => {
    const line = tree.areas.flatMap((a) => a.workCenters).find((l) => l.code === code);
    if (!line) throw new Error(`no line ${code}`);
    return line;
  };
  const areaIn = (tree: TTree, code: string) => {
    const area = tree.areas.find((a) => a.code === code);
    if (!area) throw new Error(`no area ${code}`);
    return area;
  };
  const equipmentIn = (tree: TTree, code: string) => {
    const e = tree.areas
      .flatMap((a) => a.workCenters.flatMap((l) => l.equipment))
      .find((x) => x.code === code);
    if (!e) throw new Error(`no equipment ${code}`);
    return e;
  };

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    plantByCode = seeded.tenants[EAST]?.plants ?? {};
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    planner = callerFor(t.db, EAST_PLANNER, EAST);
  });

  describe('the demo seed', () => {
    it('builds both plants with bilingual, sourced equipment, and is idempotent', async () => {
      const again = await seedDemoTenant(t.db);
      expect(again.tenants[EAST]?.plants).toEqual(plantByCode);
      const rolling = await admin.equipment.tree({ plantId: plantByCode.RP as string });
      const codes = rolling.areas.flatMap((a) =>
        a.workCenters.flatMap((l) => l.equipment.map((e) => e.class)),
      );
      expect(codes.filter((c) => c === 'cold_mill')).toHaveLength(2);
      expect(codes.filter((c) => c === 'annealing_furnace')).toHaveLength(3);
      expect(codes).toEqual(expect.arrayContaining(['casting_machine', 'hot_mill', 'foil_mill', 'slitter']));
      const cm1 = equipmentIn(rolling, 'CM-1');
      expect(cm1.name).toBe('1#六辊冷轧机');
      expect(cm1.attributes).toMatchObject({
        nameEn: expect.any(String),
        source: 'aist-nela',
        maxStripWidthMm: 1900,
      });
      const extrusion = await admin.equipment.list({ plantId: plantByCode.EP as string });
      expect(extrusion.map((e) => e.class).sort()).toEqual([
        'ageing_oven',
        'ageing_oven',
        'casting_machine',
        'cut_to_length_line',
        'cut_to_length_line',
        'extrusion_press',
        'extrusion_press',
        'homogenizing_furnace',
        'other',
        'other',
        'stretcher',
      ]);
      const me = await callerFor(t.db, 'platform@ingot.demo', null).me.get();
      expect(me.user.platformAdmin).toBe(true);
    });

    it('orders the tree by code at every level (CM-2 before CM-10)', async () => {
      const tree = await admin.equipment.tree({ plantId: plantByCode.RP as string });
      const areaCodes = tree.areas.map((a) => a.code);
      expect(areaCodes).toEqual([...areaCodes].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })));
      const line = lineIn(tree, 'CRL-1');
      await admin.equipment.create({ workCenterId: line.id, code: 'CM-10', name: '10#', class: 'cold_mill' });
      await admin.equipment.create({ workCenterId: line.id, code: 'CM-3', name: '3#', class: 'cold_mill' });
      const after = lineIn(await admin.equipment.tree({ plantId: plantByCode.RP as string }), 'CRL-1');
      expect(after.equipment.map((e) => e.code)).toEqual(['CM-1', 'CM-3', 'CM-10']);
    });
  });

  describe('plant scope: the planner is limited to the rolling plant', () => {
    it('sees only the rolling plant and its rows', async () => {
      expect((await planner.plant.list()).map((p) => p.code)).toEqual(['RP']);
      const equipment = await planner.equipment.list({});
      expect(new Set(equipment.map((e) => e.plantId))).toEqual(new Set([plantByCode.RP]));
      const lines = await planner.workCenter.list({});
      expect(new Set(lines.map((l) => l.plantId))).toEqual(new Set([plantByCode.RP]));
    });

    it('gets NOT_FOUND for the extrusion plant and everything in it, like a missing row', async () => {
      const ep = plantByCode.EP as string;
      const press = (await admin.equipment.list({ plantId: ep }))[0];
      const missing = randomUUID();
      for (const call of [
        () => planner.plant.get({ id: ep }),
        () => planner.equipment.tree({ plantId: ep }),
        () => planner.area.list({ plantId: ep }),
        () => planner.equipment.list({ plantId: ep }),
        () => planner.equipment.get({ id: press?.id as string }),
      ]) {
        expect((await failure(call())).code).toBe('NOT_FOUND');
      }
      const hidden = await failure(planner.plant.get({ id: ep }));
      const absent = await failure(planner.plant.get({ id: missing }));
      expect(hidden).toEqual(absent);
    });

    it('cannot change anything as a planner (role), and a plant manager of the rolling plant cannot reach the extrusion plant', async () => {
      const rp = plantByCode.RP as string;
      const ep = plantByCode.EP as string;
      expect((await failure(planner.area.create({ plantId: rp, code: 'PX', name: 'x' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await failure(planner.member.list())).code).toBe('FORBIDDEN');

      await admin.member.add({
        email: 'pm@east-china-al.demo',
        displayName: '周厂长',
        roles: ['plant_manager'],
        plantIds: [rp],
      });
      const pm = callerFor(t.db, 'pm@east-china-al.demo', EAST);
      const rpTree = await pm.equipment.tree({ plantId: rp });
      const epTree = await admin.equipment.tree({ plantId: ep });
      const rpLine = lineIn(rpTree, 'SLL-1');
      const epLine = lineIn(epTree, 'EXL-1');
      const epArea = areaIn(epTree, 'EXT');
      const epPress = equipmentIn(epTree, 'EXP-1');
      const slitter = equipmentIn(rpTree, 'SL-1');

      expect(await failure(pm.area.create({ plantId: ep, code: 'PX', name: 'x' }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'plantId',
      });
      expect(await failure(pm.equipment.move({ id: slitter.id, workCenterId: epLine.id }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'workCenterId',
      });
      expect(await failure(pm.equipment.move({ id: epPress.id, workCenterId: rpLine.id }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect(await failure(pm.workCenter.move({ id: rpLine.id, areaId: epArea.id }))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'areaId',
      });
      expect((await failure(pm.plant.create({ code: 'NEW', name: '新厂' }))).code).toBe('FORBIDDEN');
      const area = await pm.area.create({ plantId: rp, code: 'PM-AREA', name: '厂长新区' });
      expect(area.plantId).toBe(rp);
      await pm.area.delete({ id: area.id });
      // The scoped plant manager cannot widen anyone to "all plants" either (not a member admin anyway).
      expect((await failure(pm.member.list())).code).toBe('FORBIDDEN');
    });
  });

  describe('moves', () => {
    it('moves equipment to another line of the same plant and to a line of another plant', async () => {
      const rp = plantByCode.RP as string;
      const ep = plantByCode.EP as string;
      const rpTree = await admin.equipment.tree({ plantId: rp });
      const cm2 = equipmentIn(rpTree, 'CM-2');
      const crl1 = lineIn(rpTree, 'CRL-1');
      const moved = await admin.equipment.move({ id: cm2.id, workCenterId: crl1.id });
      expect(moved).toMatchObject({ workCenterId: crl1.id, plantId: rp });

      const stretcher = equipmentIn(await admin.equipment.tree({ plantId: ep }), 'STR-1');
      const fin = lineIn(rpTree, 'SLL-1');
      const across = await admin.equipment.move({ id: stretcher.id, workCenterId: fin.id });
      expect(across).toMatchObject({ workCenterId: fin.id, plantId: rp });
      expect(equipmentIn(await admin.equipment.tree({ plantId: rp }), 'STR-1').workCenterId).toBe(fin.id);
    });

    it('refuses a move that would duplicate a code in the target plant (CONFLICT), changing nothing', async () => {
      const rp = plantByCode.RP as string;
      const ep = plantByCode.EP as string;
      const epLine = lineIn(await admin.equipment.tree({ plantId: ep }), 'EXL-2');
      const twin = await admin.equipment.create({
        workCenterId: epLine.id,
        code: 'CM-1',
        name: '挤压厂的 CM-1',
        class: 'other',
      });
      const rpLine = lineIn(await admin.equipment.tree({ plantId: rp }), 'CRL-2');
      const audits = await auditCount();
      expect(await failure(admin.equipment.move({ id: twin.id, workCenterId: rpLine.id }))).toMatchObject({
        code: 'CONFLICT',
        field: 'workCenterId',
      });
      expect(await auditCount()).toBe(audits);
      expect((await admin.equipment.get({ id: twin.id })).plantId).toBe(ep);
      await admin.equipment.delete({ id: twin.id });
    });

    it('moves a line to another area, and with its equipment to an area of another plant', async () => {
      const rp = plantByCode.RP as string;
      const ep = plantByCode.EP as string;
      const rpTree = await admin.equipment.tree({ plantId: rp });
      const crl2 = lineIn(rpTree, 'CRL-2');
      const fin = areaIn(rpTree, 'FIN');
      expect(await admin.workCenter.move({ id: crl2.id, areaId: fin.id })).toMatchObject({
        areaId: fin.id,
        plantId: rp,
      });

      const epTree = await admin.equipment.tree({ plantId: ep });
      const exl2 = lineIn(epTree, 'EXL-2');
      const press = equipmentIn(epTree, 'EXP-2');
      const cr = areaIn(rpTree, 'CR');
      const line = await admin.workCenter.move({ id: exl2.id, areaId: cr.id });
      expect(line).toMatchObject({ areaId: cr.id, plantId: rp });
      // The equipment's plant follows its line.
      expect(await admin.equipment.get({ id: press.id })).toMatchObject({
        plantId: rp,
        workCenterId: exl2.id,
      });
      // And back.
      await admin.workCenter.move({ id: exl2.id, areaId: areaIn(epTree, 'EXT').id });
      expect((await admin.equipment.get({ id: press.id })).plantId).toBe(ep);
    });
  });

  describe('deleting', () => {
    it('refuses to delete a plant, area or line that still has children (CONFLICT), and deletes empty ones', async () => {
      const plant = await admin.plant.create({ code: 'DEL', name: '待删除工厂' });
      const area = await admin.area.create({ plantId: plant.id, code: 'A1', name: '区域' });
      const line = await admin.workCenter.create({ areaId: area.id, code: 'L1', name: '产线' });
      const eq = await admin.equipment.create({
        workCenterId: line.id,
        code: 'E1',
        name: '设备',
        class: 'other',
      });

      const plantRefused = await failure(admin.plant.delete({ id: plant.id }));
      expect(plantRefused).toMatchObject({ code: 'CONFLICT' });
      expect(plantRefused.message).toMatch(/area/);
      expect(await failure(admin.area.delete({ id: area.id }))).toMatchObject({ code: 'CONFLICT' });
      expect((await failure(admin.workCenter.delete({ id: line.id }))).message).toMatch(/equipment/);

      await admin.equipment.delete({ id: eq.id });
      await admin.workCenter.delete({ id: line.id });
      await admin.area.delete({ id: area.id });
      await admin.plant.delete({ id: plant.id });
      expect((await failure(admin.plant.get({ id: plant.id }))).code).toBe('NOT_FOUND');
    });

    it('refuses to delete a plant members are limited to (it would widen them to every plant)', async () => {
      const plant = await admin.plant.create({ code: 'SCOPED', name: '受限工厂' });
      const member = await admin.member.add({
        email: 'scoped@east-china-al.demo',
        displayName: '受限成员',
        roles: ['viewer'],
        plantIds: [plant.id],
      });
      expect((await failure(admin.plant.delete({ id: plant.id }))).message).toMatch(/limited to this plant/);
      await admin.member.remove({ id: member.id });
      await admin.plant.delete({ id: plant.id });
    });
  });

  describe('duplicate codes', () => {
    it('answers CONFLICT naming the code field, and writes nothing', async () => {
      const rp = plantByCode.RP as string;
      const tree = await admin.equipment.tree({ plantId: rp });
      const cast = areaIn(tree, 'CAST');
      const ccl = lineIn(tree, 'CCL-1');
      const audits = await auditCount();
      for (const call of [
        () => admin.plant.create({ code: 'RP', name: '重复' }),
        () => admin.plant.update({ id: plantByCode.EP as string, code: 'RP' }),
        () => admin.area.create({ plantId: rp, code: 'CAST', name: '重复' }),
        () => admin.area.update({ id: cast.id, code: 'HR' }),
        () => admin.workCenter.create({ areaId: cast.id, code: 'CRL-1', name: '重复' }),
        () => admin.workCenter.update({ id: ccl.id, code: 'HRL-1' }),
        () => admin.equipment.create({ workCenterId: ccl.id, code: 'HM-1', name: '重复', class: 'hot_mill' }),
        () => admin.equipment.update({ id: equipmentIn(tree, 'TRC-1').id, code: 'SL-1' }),
      ]) {
        expect(await failure(call())).toMatchObject({ code: 'CONFLICT', field: 'code' });
      }
      expect(await auditCount()).toBe(audits);
      // The same code in another plant is fine (codes are unique per plant).
      const ep = plantByCode.EP as string;
      const epArea = await admin.area.create({ plantId: ep, code: 'CAST', name: '挤压厂熔铸' });
      await admin.area.delete({ id: epArea.id });
    });
  });

  describe('audit trail', () => {
    it('writes exactly one audit row per mutation, in its transaction, with request id and source address', async () => {
      const requestId = randomUUID();
      const caller = callerFor(t.db, EAST_ADMIN, EAST, { requestId, sourceIp: '198.51.100.7' });
      const line = lineIn(await admin.equipment.tree({ plantId: plantByCode.RP as string }), 'FRL-1');
      const before = await auditCount();
      const created = await caller.equipment.create({
        workCenterId: line.id,
        code: 'FM-2',
        name: '2#铝箔轧机',
        class: 'foil_mill',
        attributes: { maxWidthMm: 2000 },
      });
      expect(await auditCount()).toBe(before + 1);
      const rows = await t.database.ownerQuery<Record<string, unknown>>(
        `SELECT action, target_type, target_id, outcome, request_id, source_ip, actor_user_id::text AS actor
           FROM audit_event WHERE request_id = $1`,
        [requestId],
      );
      expect(rows).toEqual([
        expect.objectContaining({
          action: 'equipment.create',
          target_type: 'equipment',
          target_id: created.id,
          outcome: 'success',
          request_id: requestId,
          source_ip: '198.51.100.7',
        }),
      ]);
      await caller.equipment.delete({ id: created.id });
      expect(await auditCount()).toBe(before + 2);
    });
  });

  describe('members', () => {
    it('keeps at least one tenant administrator', async () => {
      const members = await admin.member.list();
      const me = members.find((m) => m.email === EAST_ADMIN);
      expect(me).toBeDefined();
      expect(await failure(admin.member.remove({ id: me?.id as string }))).toMatchObject({
        code: 'CONFLICT',
      });
      expect(await failure(admin.member.update({ id: me?.id as string, roles: ['viewer'] }))).toMatchObject({
        code: 'CONFLICT',
        field: 'roles',
      });
    });

    it('adds a person who has never signed in, who then signs in and sees the tenant', async () => {
      const added = await admin.member.add({
        email: 'New.Hire@East-China-Al.demo',
        displayName: '新同事',
        roles: ['operator'],
        plantIds: [],
      });
      expect(added).toMatchObject({
        email: 'new.hire@east-china-al.demo',
        roles: ['operator'],
        plantIds: [],
      });
      expect(
        await failure(
          admin.member.add({
            email: 'new.hire@east-china-al.demo',
            displayName: 'x',
            roles: ['viewer'],
            plantIds: [],
          }),
        ),
      ).toMatchObject({ code: 'CONFLICT', field: 'email' });
      const newcomer = callerFor(t.db, 'new.hire@east-china-al.demo', null);
      const me = await newcomer.me.get();
      expect(me.memberships.map((m) => m.tenantSlug)).toEqual([EAST]);
      expect((await newcomer.plant.list()).length).toBeGreaterThanOrEqual(2);
      await admin.member.remove({ id: added.id });
      expect((await newcomer.me.get()).memberships).toEqual([]);
    });

    it('remembers the language per user', async () => {
      await planner.me.setLocale({ locale: 'en' });
      expect((await planner.me.get()).locale).toBe('en');
      await planner.me.setLocale({ locale: 'zh-CN' });
      expect((await planner.me.get()).locale).toBe('zh-CN');
    });
  });

  describe('a suspended tenant', () => {
    it('keeps its members out until it is active again', async () => {
      const jiangnan = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
      expect((await jiangnan.plant.list()).length).toBe(1);
      const B = tenantIdForSlug(JIANGNAN);
      await t.database.ownerQuery(`UPDATE tenant SET status = 'suspended' WHERE id = $1`, [B]);
      try {
        expect(await failure(jiangnan.plant.list())).toMatchObject({ code: 'FORBIDDEN' });
        expect((await jiangnan.me.get()).memberships).toEqual([]);
      } finally {
        await t.database.ownerQuery(`UPDATE tenant SET status = 'active' WHERE id = $1`, [B]);
      }
      expect((await jiangnan.plant.list()).length).toBe(1);
    });
  });

  describe('signed out', () => {
    it('answers UNAUTHORIZED to every call without an identity', async () => {
      const { createCaller } = await import('./test-support/demo-callers.ts');
      const { createContextInner } = await import('./context.ts');
      const anonymous = createCaller(
        createContextInner({ db: t.db, identity: null, activeTenantId: A, requestId: 'r', sourceIp: null }),
      );
      expect((await failure(anonymous.me.get())).code).toBe('UNAUTHORIZED');
      expect((await failure(anonymous.plant.list())).code).toBe('UNAUTHORIZED');
    });
  });
});
