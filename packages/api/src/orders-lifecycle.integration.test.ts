/**
 * Issue 5 orders through the API, against real PostgreSQL and PGlite: master data, routing selection, order
 * entry, confirmation (work orders + promised date), the status flow and its refusals, partial shipments with
 * over-shipment refused, one audit row per mutation, and partner access (issue 3 must-show: a supplier reading an
 * unshared order gets NOT_FOUND, a shared one succeeds; a customer sees only its own orders, without other
 * customers' names).
 */
import { randomUUID } from 'node:crypto';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callProcedure } from './test-support/call-procedure.ts';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  JIANGNAN,
  JIANGNAN_ADMIN,
  type TCaller,
} from './test-support/demo-callers.ts';

const A = tenantIdForSlug(EAST);
const SUPPLIER = 'toll-roller@partner.demo';
const BUYER = 'buyer@sz-can.demo';

describeEachDatabase('orders lifecycle', (t) => {
  let admin: TCaller;
  let rp = '';
  let spec3003 = '';
  let spec3104 = '';
  let canCustomer = '';
  let partnerSupplier = '';
  let partnerCustomer = '';

  const auditRows = (requestId: string) =>
    t.database.ownerQuery<{ action: string }>('SELECT action FROM audit_event WHERE request_id = $1', [
      requestId,
    ]);
  const as = (email: string, requestId = randomUUID()) => callerFor(t.db, email, EAST, { requestId });

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    rp = seeded.tenants[EAST]?.plants.RP ?? '';
    const specs = await admin.masterData.spec.list({});
    spec3003 = specs.find((s) => s.code === 'S3003H14-1.0x1250')?.id ?? '';
    spec3104 = specs.find((s) => s.code === 'S3104H18-0.27x1500')?.id ?? '';
    canCustomer = (await admin.masterData.customer.list({})).find((c) => c.code === 'C-CAN')?.id ?? '';
    // Two partner organisations (tenants on the platform) and their members in A, as issue 3 models them.
    for (const [slug, kind, email, role, scopes] of [
      ['toll-roller', 'supplier', SUPPLIER, 'supplier', ['orders.read']],
      ['sz-can', 'customer', BUYER, 'customer', ['orders.read']],
    ] as const) {
      const partnerTenant = tenantIdForSlug(slug);
      await t.database.ownerQuery(
        `INSERT INTO tenant (id, slug, name, updated_at) VALUES ($1, $2, $2, now()) ON CONFLICT DO NOTHING`,
        [partnerTenant, slug],
      );
      const [p] = await t.database.ownerQuery<{ id: string }>(
        `INSERT INTO partnership (id, tenant_id, partner_tenant_id, kind, scopes, updated_at)
         VALUES ($1, $2, $3, $4::partnership_kind, $5::text[], now()) RETURNING id::text`,
        [randomUUID(), A, partnerTenant, kind, scopes],
      );
      const userId = randomUUID();
      await t.database.ownerQuery(
        `INSERT INTO app_user (id, subject, email, display_name, updated_at) VALUES ($1, $2, $2, $2, now())`,
        [userId, email],
      );
      await t.database.ownerQuery(
        `INSERT INTO membership (id, tenant_id, user_id, roles, partnership_id, updated_at)
         VALUES ($1, $2, $3, ARRAY[$4]::role[], $5, now())`,
        [randomUUID(), A, userId, role, p?.id],
      );
      if (kind === 'supplier') partnerSupplier = p?.id ?? '';
      else partnerCustomer = p?.id ?? '';
    }
    await admin.masterData.customer.update({ id: canCustomer, partnershipId: partnerCustomer });
  });

  describe('master data and routings', () => {
    it('seeds the alloys with composition limits and sources, and the named routings', async () => {
      const alloys = await admin.masterData.alloy.list({});
      expect(alloys.map((a) => a.code)).toEqual(
        expect.arrayContaining(['1060', '1235', '3003', '3104', '5052', '5083', '6061', '6063', '8011']),
      );
      const a3003 = alloys.find((a) => a.code === '3003');
      expect(a3003?.composition.Mn).toEqual({ min: 1.0, max: 1.5 });
      expect(a3003?.standard).toContain('astm-b221m-12a');
      const cu = await callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN).masterData.alloy.list({});
      expect(cu.map((a) => a.code)).toEqual(expect.arrayContaining(['C11000', 'C26000']));
      const strip = await admin.routing.select({ specId: spec3003 });
      expect(strip.matchedOn).toBe('family+alloy+temper');
      expect(strip.routing.steps.map((s) => s.operationCode)).toEqual([
        'dc_casting',
        'homogenizing',
        'hot_rolling',
        'cold_rolling',
        'intermediate_anneal',
        'cold_rolling',
        'slitting',
        'packing',
      ]);
      expect((await admin.routing.select({ specId: spec3104 })).matchedOn).toBe('family');
      const specs = await admin.masterData.spec.list({});
      for (const s of specs) expect((await admin.routing.select({ specId: s.id })).routing.active).toBe(true);
      const profile = specs.find((s) => s.code === 'E6063T5-60x40x2');
      const prof = await admin.routing.select({ specId: profile?.id ?? '' });
      expect([prof.routing.code, prof.matchedOn]).toEqual(['R-PROF-6063-T5', 'family+alloy+temper']);
      expect(prof.routing.steps.map((s) => s.operationCode)).toEqual([
        'billet_casting',
        'homogenizing',
        'extrusion',
        'quench',
        'stretching',
        'cutting',
        'ageing',
      ]);
      expect(prof.routing.steps.map((s) => s.equipment.map((e) => e.equipmentCode).sort())).toEqual([
        ['BC-1'],
        ['HF-1'],
        ['EXP-1', 'EXP-2'],
        ['QT-1', 'QT-2'],
        ['STR-1'],
        ['SAW-1', 'SAW-2'],
        ['AO-1', 'AO-2'],
      ]);
      const s3003 = specs.find((s) => s.id === spec3003);
      expect(s3003?.thicknessTolPlus).toBe(0.06); // EN 485-4, 0.8 < t <= 1.0, 1000 < w <= 1250, group I
    });

    it('refuses a temper of another metal and a bad composition, naming the field, writing nothing', async () => {
      const cuTemper = (await admin.masterData.temper.list({})).find((x) => x.code === 'H14');
      expect(cuTemper).toBeDefined();
      const bad = await callProcedure(admin, 'masterData.alloy.create', {
        code: 'X1',
        family: 'aluminium',
        composition: { Si: { min: 2, max: 1 } },
      });
      expect(bad.ok ? 'ok' : bad.code).toBe('BAD_REQUEST');
      expect(bad.ok ? '' : bad.message).toContain('composition.Si.max');
      const rows = await t.database.ownerQuery(`SELECT 1 FROM alloy WHERE code = 'X1'`);
      expect(rows).toEqual([]);
    });
  });

  describe('an order from entry to shipment', () => {
    let orderId = '';

    it('creates, updates while entered, confirms with work orders and a promised date', async () => {
      const rid = randomUUID();
      const requested = new Date(Date.now() + 3 * 86_400_000);
      const order = await as(EAST_ADMIN, rid).order.create({
        plantId: rp,
        customerId: canCustomer,
        customerPo: 'PO-1',
        lines: [
          { specId: spec3003, quantity: 20, unit: 't', requestedDate: requested },
          { specId: spec3104, quantity: 2, unit: 'pcs', requestedDate: requested },
        ],
      });
      orderId = order.id;
      expect(order.status).toBe('entered');
      expect(await auditRows(rid)).toEqual([{ action: 'order.create' }]);
      await admin.order.update({ id: orderId, notes: '加急' });
      const rid2 = randomUUID();
      const confirmed = await as(EAST_ADMIN, rid2).order.confirm({ id: orderId });
      expect(await auditRows(rid2)).toEqual([{ action: 'order.confirm' }]);
      expect(confirmed.status).toBe('confirmed');
      expect(confirmed.promisedDate).toBeInstanceOf(Date);
      expect(confirmed.promisedDate?.getTime()).toBeGreaterThanOrEqual(requested.getTime());
      const wos = await admin.workOrder.list({ orderId });
      expect(wos.items).toHaveLength(2);
      const wo3003 = wos.items.find((w) => w.spec.code === 'S3003H14-1.0x1250');
      const routing = await admin.routing.select({ specId: spec3003 });
      expect(wo3003?.outputT).toBe(20);
      expect(wo3003?.inputT).toBeCloseTo(20 / routing.routing.cumulativeYield, 2);
      expect(wo3003?.inputMaterial).toMatchObject({ form: 'ingot', alloy: '3003' });
      expect(wo3003?.operations.map((o) => o.operationCode)).toHaveLength(8);
      expect(wo3003?.operations[1]?.inputT).toBeCloseTo((wo3003?.inputT ?? 0) * 0.985, 2);
      const wo3104 = wos.items.find((w) => w.spec.code === 'S3104H18-0.27x1500');
      expect(wo3104?.outputT).toBe(16); // 2 coils x 8,000 kg
      // confirming again is refused; no second set of work orders
      const again = await callProcedure(admin, 'order.confirm', { id: orderId });
      expect(again.ok ? 'ok' : again.code).toBe('CONFLICT');
      expect((await admin.workOrder.list({ orderId })).total).toBe(2);
    });

    it('refuses illegal jumps and steps back with a clear error', async () => {
      const jump = await callProcedure(admin, 'order.advance', { id: orderId, toStatus: 'ready' });
      expect(jump.ok ? 'ok' : jump.code).toBe('CONFLICT');
      expect(jump.ok ? '' : jump.message).toContain('confirmed -> planned -> in_production');
      const edit = await callProcedure(admin, 'order.update', { id: orderId, notes: 'x' });
      expect(edit.ok ? 'ok' : edit.code).toBe('CONFLICT');
      const early = await callProcedure(admin, 'order.ship', {
        orderId,
        lines: [{ lineId: randomUUID(), quantity: 1 }],
      });
      expect(early.ok ? 'ok' : early.code).toBe('CONFLICT');
      for (const s of ['planned', 'in_production', 'quality_release', 'ready'] as const)
        await admin.order.advance({ id: orderId, toStatus: s, reason: 'test' });
      const back = await callProcedure(admin, 'order.advance', { id: orderId, toStatus: 'planned' });
      expect(back.ok ? '' : back.message).toContain('cannot go back');
    });

    it('ships partially, refuses over-shipment, and is shipped only when every line is', async () => {
      const order = await admin.order.get({ id: orderId });
      const [l1, l2] = order.lines;
      if (!l1 || !l2) throw new Error('two lines expected');
      const over = await callProcedure(admin, 'order.ship', {
        orderId,
        lines: [{ lineId: l1.id, quantity: 20.5 }],
      });
      expect(over.ok ? 'ok' : over.code).toBe('BAD_REQUEST');
      expect(over.ok ? '' : (over.shape as { data: { field: string } }).data.field).toBe('lines.0.quantity');
      const part = await admin.order.ship({
        orderId,
        carrier: '顺丰',
        lines: [{ lineId: l1.id, quantity: 12 }],
      });
      expect(part.status).toBe('ready');
      expect(part.lines[0]?.shippedQuantity).toBe(12);
      const twice = await callProcedure(admin, 'order.ship', {
        orderId,
        lines: [
          { lineId: l1.id, quantity: 5 },
          { lineId: l1.id, quantity: 5 },
        ],
      });
      expect(twice.ok ? 'ok' : twice.code).toBe('BAD_REQUEST');
      const done = await admin.order.ship({
        orderId,
        lines: [
          { lineId: l1.id, quantity: 8 },
          { lineId: l2.id, quantity: 2 },
        ],
      });
      expect(done.status).toBe('shipped');
      expect(done.shipments.map((s) => s.shipmentNo)).toHaveLength(2);
      expect(done.events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['created', 'updated', 'confirmed', 'status_changed', 'shipment']),
      );
      expect(done.events.at(-1)).toMatchObject({
        kind: 'status_changed',
        fromStatus: 'ready',
        toStatus: 'shipped',
      });
    });

    it('cancels an entered order and refuses to cancel a shipped one', async () => {
      const o = await admin.order.create({
        plantId: rp,
        customerId: canCustomer,
        lines: [{ specId: spec3003, quantity: 5, requestedDate: new Date() }],
      });
      const c = await admin.order.cancel({ id: o.id, reason: '客户取消' });
      expect(c.status).toBe('cancelled');
      const no = await callProcedure(admin, 'order.cancel', { id: orderId, reason: 'x' });
      expect(no.ok ? 'ok' : no.code).toBe('CONFLICT');
    });
  });

  describe('partner access', () => {
    let own = '';
    let other = '';

    beforeAll(async () => {
      own = (
        await admin.order.create({
          plantId: rp,
          customerId: canCustomer,
          lines: [{ specId: spec3104, quantity: 10, requestedDate: new Date() }],
        })
      ).id;
      const others = (await admin.masterData.customer.list({})).find((c) => c.code === 'C-PACK')?.id ?? '';
      other = (
        await admin.order.create({
          plantId: rp,
          customerId: others,
          lines: [{ specId: spec3003, quantity: 10, requestedDate: new Date() }],
        })
      ).id;
    });

    it('answers NOT_FOUND to a supplier reading an unshared order, and shows it once shared', async () => {
      const supplier = as(SUPPLIER);
      const before = await callProcedure(supplier, 'order.get', { id: other });
      expect(before.ok ? 'ok' : before.code).toBe('NOT_FOUND');
      const missing = await callProcedure(supplier, 'order.get', { id: randomUUID() });
      expect(missing.ok ? '' : missing.message).toBe(before.ok ? 'x' : before.message);
      expect((await supplier.order.list({})).items).toEqual([]);
      const partners = await admin.order.partnerships();
      expect(partners.find((p) => p.id === partnerSupplier)).toMatchObject({
        kind: 'supplier',
        members: [expect.objectContaining({ email: SUPPLIER })],
      });
      expect(partners.find((p) => p.id === partnerCustomer)?.customers.map((c) => c.code)).toEqual(['C-CAN']);
      const rid = randomUUID();
      await as(EAST_ADMIN, rid).order.share({ orderId: other, partnershipId: partnerSupplier });
      expect(await auditRows(rid)).toEqual([{ action: 'order.share' }]);
      const shared = await supplier.order.get({ id: other });
      expect(shared.id).toBe(other);
      expect(shared.customer).toBeNull();
      expect(JSON.stringify(shared)).not.toContain('宁波软包装');
      expect(shared.lines[0]?.workOrders).toEqual([]);
      expect(shared.notes).toBe('');
      expect(shared.sharedWith).toEqual([]);
      expect(shared.events.map((e) => e.kind)).not.toContain('shared');
      expect(shared.events.every((e) => e.actorUserId === null && JSON.stringify(e.details) === '{}')).toBe(
        true,
      );
      expect((await supplier.order.list({})).items.map((o) => o.id)).toEqual([other]);
      await admin.order.unshare({ orderId: other, partnershipId: partnerSupplier });
      const after = await callProcedure(supplier, 'order.get', { id: other });
      expect(after.ok ? 'ok' : after.code).toBe('NOT_FOUND');
    });

    it("shows a customer only its own orders, in list and get, never another customer's name", async () => {
      const buyer = as(BUYER);
      const list = await buyer.order.list({});
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((o) => o.customer?.code === 'C-CAN')).toBe(true);
      expect(list.items.map((o) => o.id)).toContain(own);
      expect(list.items.map((o) => o.id)).not.toContain(other);
      expect((await buyer.order.get({ id: own })).customer?.name).toBe('苏州易拉罐有限公司');
      const denied = await callProcedure(buyer, 'order.get', { id: other });
      expect(denied.ok ? 'ok' : denied.code).toBe('NOT_FOUND');
      expect(JSON.stringify(list)).not.toContain('宁波软包装');
      // partners cannot change anything, and cannot read master data
      const write = await callProcedure(buyer, 'order.cancel', { id: own, reason: 'x' });
      expect(write.ok ? 'ok' : write.code).toBe('FORBIDDEN');
      const md = await callProcedure(buyer, 'masterData.customer.list', {});
      expect(md.ok ? 'ok' : md.code).toBe('FORBIDDEN');
    });

    it('shows nothing once the partnership is deactivated', async () => {
      await t.database.ownerQuery('UPDATE partnership SET active = false WHERE id = $1', [partnerCustomer]);
      const buyer = as(BUYER);
      expect((await buyer.order.list({})).items).toEqual([]);
      const got = await callProcedure(buyer, 'order.get', { id: own });
      expect(got.ok ? 'ok' : got.code).toBe('NOT_FOUND');
      await t.database.ownerQuery('UPDATE partnership SET active = true WHERE id = $1', [partnerCustomer]);
    });

    it("answers NOT_FOUND to another tenant's admin for A's order", async () => {
      const b = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
      const out = await callProcedure(b, 'order.get', { id: own });
      expect(out.ok ? 'ok' : out.code).toBe('NOT_FOUND');
    });
  });
});
