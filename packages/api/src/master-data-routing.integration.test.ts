/**
 * Master data and routings through the API, against real PostgreSQL and PGlite: create / update / deactivate with
 * one audit row per mutation, cross-field rules refused naming the field with nothing written, another tenant's
 * rows answering NOT_FOUND, the most specific active routing winning, and routing steps frozen once work orders
 * use them. Plant scope on orders: a planner limited to the rolling plant sees none of the extrusion plant's.
 */
import { randomUUID } from 'node:crypto';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callProcedure } from './test-support/call-procedure.ts';
import { databaseDigest } from './test-support/database-digest.ts';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';

describeEachDatabase('master data and routings', (t) => {
  let admin: TCaller;
  let plants: Record<string, string> = {};
  const audited = (requestId: string) =>
    t.database.ownerQuery<{ action: string; target_type: string }>(
      'SELECT action, target_type FROM audit_event WHERE request_id = $1',
      [requestId],
    );
  /** Calls as the east admin with a fresh request id; returns the result and the audit rows of that request. */
  const withAudit = async <T>(fn: (c: TCaller) => Promise<T>) => {
    const requestId = randomUUID();
    const result = await fn(callerFor(t.db, EAST_ADMIN, EAST, { requestId }));
    return { result, audit: await audited(requestId) };
  };

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    plants = seeded.tenants[EAST]?.plants ?? {};
    admin = callerFor(t.db, EAST_ADMIN, EAST);
  });

  describe('alloys, tempers, customers, specs', () => {
    it('creates, updates and deactivates an alloy, one audit row each', async () => {
      const created = await withAudit((c) =>
        c.masterData.alloy.create({
          code: '5754',
          family: 'aluminium',
          name: '5754 铝镁合金',
          standard: 'EN AW-5754',
          density: 2.67,
          composition: { Mg: { min: 2.6, max: 3.6 }, Al: { remainder: true } },
        }),
      );
      expect(created.audit).toEqual([{ action: 'masterData.alloy.create', target_type: 'alloy' }]);
      const id = created.result.id;
      const updated = await withAudit((c) =>
        c.masterData.alloy.update({ id, composition: { Mg: { min: 2.6, max: 3.6 }, Mn: { max: 0.5 } } }),
      );
      expect(updated.result.composition.Mn).toEqual({ max: 0.5 });
      expect(updated.audit).toEqual([{ action: 'masterData.alloy.update', target_type: 'alloy' }]);
      const off = await withAudit((c) => c.masterData.alloy.setActive({ id, active: false }));
      expect(off.result.active).toBe(false);
      expect(off.audit).toHaveLength(1);
      expect((await admin.masterData.alloy.list({})).map((a) => a.code)).not.toContain('5754');
      expect((await admin.masterData.alloy.list({ includeInactive: true })).map((a) => a.code)).toContain(
        '5754',
      );
      const dup = await callProcedure(admin, 'masterData.alloy.create', {
        code: '3003',
        family: 'aluminium',
      });
      expect(dup.ok ? 'ok' : [dup.code, (dup.shape as { data: { field: string } }).data.field]).toEqual([
        'CONFLICT',
        'code',
      ]);
    });

    it('refuses a spec on a deactivated alloy or with a temper of another metal, naming the field, writing nothing', async () => {
      const alloys = await admin.masterData.alloy.list({ includeInactive: true });
      const tempers = await admin.masterData.temper.list({});
      const h14 = tempers.find((x) => x.code === 'H14')?.id ?? '';
      const cuTemper = await admin.masterData.temper.create({ code: 'H02', family: 'copper' });
      const spec = {
        code: 'SP-NEW',
        productFamily: 'strip_coil',
        alloyId: alloys.find((a) => a.code === '3003')?.id,
        temperId: cuTemper.id,
        thicknessMm: 1,
        thicknessTolMinus: 0.06,
        thicknessTolPlus: 0.06,
        widthMm: 1250,
        innerDiameterMm: 508,
      };
      const before = await databaseDigest(t.database);
      const wrongMetal = await callProcedure(admin, 'masterData.spec.create', spec);
      expect(
        wrongMetal.ok
          ? 'ok'
          : [wrongMetal.code, (wrongMetal.shape as { data: { field: string } }).data.field],
      ).toEqual(['BAD_REQUEST', 'temperId']);
      const inactive = await callProcedure(admin, 'masterData.spec.create', {
        ...spec,
        alloyId: alloys.find((a) => a.code === '5754')?.id,
        temperId: h14,
      });
      expect(inactive.ok ? 'ok' : (inactive.shape as { data: { field: string } }).data.field).toBe('alloyId');
      const noWidth = await callProcedure(admin, 'masterData.spec.create', {
        ...spec,
        temperId: h14,
        widthMm: null,
      });
      expect(noWidth.ok ? 'ok' : noWidth.message).toContain('widthMm is required for strip_coil');
      expect(await databaseDigest(t.database)).toEqual(before);
      const ok = await withAudit((c) => c.masterData.spec.create({ ...spec, temperId: h14 } as never));
      expect(ok.audit).toEqual([{ action: 'masterData.spec.create', target_type: 'product_spec' }]);
      expect(ok.result.pieceWeightKg).toBeNull();
      // an update may not break the family's rules either (merged with what is stored)
      const bad = await callProcedure(admin, 'masterData.spec.update', {
        id: ok.result.id,
        innerDiameterMm: null,
      });
      expect(bad.ok ? 'ok' : (bad.shape as { data: { field: string } }).data.field).toBe('innerDiameterMm');
    });

    it('links a customer to a customer partnership only, and deactivated customers take no orders', async () => {
      const created = await withAudit((c) =>
        c.masterData.customer.create({
          code: 'C-NEW',
          name: '新客户',
          contact: { person: '王', phone: '1', email: 'a@b.cn', address: '' },
        }),
      );
      expect(created.audit).toEqual([{ action: 'masterData.customer.create', target_type: 'customer' }]);
      const noSuch = await callProcedure(admin, 'masterData.customer.update', {
        id: created.result.id,
        partnershipId: randomUUID(),
      });
      expect(
        noSuch.ok ? 'ok' : [noSuch.code, (noSuch.shape as { data: { field: string } }).data.field],
      ).toEqual(['NOT_FOUND', 'partnershipId']);
      await admin.masterData.customer.setActive({ id: created.result.id, active: false });
      const spec = (await admin.masterData.spec.list({})).find((s) => s.code === 'S3003H14-1.0x1250');
      const refused = await callProcedure(admin, 'order.create', {
        plantId: plants.RP,
        customerId: created.result.id,
        lines: [{ specId: spec?.id, quantity: 1, requestedDate: new Date() }],
      });
      expect(refused.ok ? 'ok' : (refused.shape as { data: { field: string } }).data.field).toBe(
        'customerId',
      );
    });

    it("answers NOT_FOUND for another tenant's master data, like a missing row", async () => {
      const b = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
      const ours = (await admin.masterData.alloy.list({}))[0]?.id;
      const out = await callProcedure(b, 'masterData.alloy.get', { id: ours });
      const missing = await callProcedure(b, 'masterData.alloy.get', { id: randomUUID() });
      expect(out.ok ? 'ok' : out.code).toBe('NOT_FOUND');
      expect(out.ok ? '' : out.message).toBe(missing.ok ? 'x' : missing.message);
      expect((await b.masterData.alloy.list({})).every((a) => a.family === 'copper')).toBe(true);
    });

    it('looks tolerances up from the tables, and says so when a table has no row', async () => {
      expect(
        await admin.masterData.spec.toleranceLookup({ alloyCode: '5083', thicknessMm: 3, widthMm: 1500 }),
      ).toMatchObject({ found: true, plusMinusMm: 0.17 });
      expect(
        await admin.masterData.spec.toleranceLookup({ alloyCode: '1235', thicknessMm: 0.5, widthMm: 1000 }),
      ).toMatchObject({ found: false });
    });
  });

  describe('routings', () => {
    it('lets a more specific active template win, and the family template answer again once it is deactivated', async () => {
      const specs = await admin.masterData.spec.list({});
      const s3104 = specs.find((s) => s.code === 'S3104H18-0.27x1500');
      if (!s3104) throw new Error('demo spec missing');
      expect((await admin.routing.select({ specId: s3104.id })).routing.code).toBe('R-STRIP');
      const equipment = await admin.equipment.list({ plantId: plants.RP as string });
      const eq = (code: string) => equipment.find((e) => e.code === code)?.id ?? '';
      const created = await withAudit((c) =>
        c.routing.create({
          code: 'R-STRIP-3104',
          name: '3104 罐料路线',
          productFamily: 'strip_coil',
          alloyId: s3104.alloy.id,
          temperId: null,
          steps: [
            {
              operationCode: 'cold_rolling',
              name: '冷轧',
              yield: 0.98,
              recipe: null,
              equipment: [
                { equipmentId: eq('CM-1'), rate: 9.7, rateUnit: 't_per_h', fixedMinutes: 20 },
                { equipmentId: eq('CM-2'), rate: 600, rateUnit: 'm_per_min', fixedMinutes: 20 },
              ],
            },
            {
              operationCode: 'packing',
              name: '包装',
              yield: 1,
              recipe: null,
              equipment: [{ equipmentId: eq('PK-1'), rate: 15, rateUnit: 't_per_h', fixedMinutes: 0 }],
            },
          ],
        }),
      );
      expect(created.audit).toEqual([{ action: 'routing.create', target_type: 'routing_template' }]);
      expect(created.result.cumulativeYield).toBeCloseTo(0.98);
      const chosen = await admin.routing.select({ specId: s3104.id });
      expect([chosen.routing.code, chosen.matchedOn]).toEqual(['R-STRIP-3104', 'family+alloy']);
      await admin.routing.setActive({ id: created.result.id, active: false });
      expect((await admin.routing.select({ specId: s3104.id })).routing.code).toBe('R-STRIP');
    });

    it('freezes the steps of a routing once a work order uses it (CONFLICT), but still allows renaming', async () => {
      const used = (await admin.workOrder.list({})).items[0];
      if (!used) throw new Error('the demo seed confirms an order');
      const routing = await admin.routing.get({ id: used.routing.id });
      const steps = routing.steps.map((s) => ({
        operationCode: s.operationCode,
        name: s.name,
        yield: s.yield,
        recipe: s.recipe,
        equipment: s.equipment.map((e) => ({
          equipmentId: e.equipmentId,
          rate: e.rate,
          rateUnit: e.rateUnit,
          fixedMinutes: e.fixedMinutes,
        })),
      }));
      const refused = await callProcedure(admin, 'routing.update', { id: routing.id, steps });
      expect(refused.ok ? 'ok' : refused.code).toBe('CONFLICT');
      const renamed = await withAudit((c) =>
        c.routing.update({ id: routing.id, name: `${routing.name} v1` }),
      );
      expect(renamed.result.steps).toHaveLength(routing.steps.length);
      expect(renamed.audit).toEqual([{ action: 'routing.update', target_type: 'routing_template' }]);
    });

    it("refuses another tenant's equipment in a step, naming the step's field", async () => {
      const b = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
      const theirs = (await admin.equipment.list({ plantId: plants.RP as string }))[0]?.id;
      const out = await callProcedure(b, 'routing.create', {
        code: 'R-X',
        name: 'x',
        productFamily: 'strip_coil',
        steps: [
          {
            operationCode: 'cold_rolling',
            name: 'x',
            yield: 1,
            equipment: [{ equipmentId: theirs, rate: 1, rateUnit: 't_per_h' }],
          },
        ],
      });
      expect(out.ok ? 'ok' : [out.code, (out.shape as { data: { field: string } }).data.field]).toEqual([
        'NOT_FOUND',
        'steps.0.equipment.0.equipmentId',
      ]);
    });
  });

  describe('plant scope', () => {
    it('shows a planner limited to the rolling plant no order or work order of the extrusion plant', async () => {
      const planner = callerFor(t.db, EAST_PLANNER, EAST);
      const all = await admin.order.list({});
      const ep = all.items.filter((o) => o.plant.code === 'EP');
      expect(ep.length).toBeGreaterThan(0);
      const seen = await planner.order.list({});
      expect(seen.items.every((o) => o.plant.code === 'RP')).toBe(true);
      const wos = await planner.workOrder.list({});
      expect(wos.items.every((w) => w.plantId === plants.RP)).toBe(true);
      expect((await planner.workOrder.list({ plantId: plants.EP as string })).total).toBe(0);
      const out = await callProcedure(planner, 'order.get', { id: ep[0]?.id });
      expect(out.ok ? 'ok' : out.code).toBe('NOT_FOUND');
      const create = await callProcedure(planner, 'order.create', {
        plantId: plants.EP,
        customerId: (await admin.masterData.customer.list({}))[0]?.id,
        lines: [
          { specId: (await admin.masterData.spec.list({}))[0]?.id, quantity: 1, requestedDate: new Date() },
        ],
      });
      expect(
        create.ok ? 'ok' : [create.code, (create.shape as { data: { field: string } }).data.field],
      ).toEqual(['NOT_FOUND', 'plantId']);
    });
  });
});
