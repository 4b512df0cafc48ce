/**
 * The order domain as the other domains and the portal use it, against real PostgreSQL and PGlite:
 * `advanceOrderStatus` called inside another mutation's transaction (planning, shop floor) — one step at a time,
 * idempotent by key, no audit row of its own; order.list filters; work-order release; refused changes that leave
 * every table as it was.
 */
import { randomUUID } from 'node:crypto';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { advanceOrderStatus, seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { callProcedure } from './test-support/call-procedure.ts';
import { databaseDigest } from './test-support/database-digest.ts';
import { callerFor, EAST, EAST_ADMIN, type TCaller } from './test-support/demo-callers.ts';

const A = tenantIdForSlug(EAST);
const DAY = 86_400_000;

describeEachDatabase('order status and queries', (t) => {
  let admin: TCaller;
  let rp = '';
  let customer = '';
  let spec = '';
  let orderId = '';

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP ?? '';
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    customer = (await admin.masterData.customer.list({ search: 'C-PACK' }))[0]?.id ?? '';
    spec = (await admin.masterData.spec.list({ search: 'S3003' }))[0]?.id ?? '';
    const order = await admin.order.create({
      plantId: rp,
      customerId: customer,
      customerPo: 'FIND-ME-42',
      lines: [{ specId: spec, quantity: 8, requestedDate: new Date(Date.now() + 40 * DAY) }],
    });
    orderId = order.id;
    await admin.order.confirm({ id: orderId });
  });

  /** What the planning workflow does: a scope with no user, inside its own transaction. */
  const asWorkflow = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { tenantId: A }, fn);

  it('moves one step per call from another domain, idempotent by key, writing a timeline entry and no audit row', async () => {
    const scope = { tenantId: A, plantIds: [], userId: null };
    const auditBefore = await t.database.ownerQuery<{ n: string }>(
      'SELECT count(*)::text AS n FROM audit_event WHERE tenant_id = $1',
      [A],
    );
    const first = await asWorkflow((tx) =>
      advanceOrderStatus(tx, scope, orderId, 'planned', 'plan v3 published', {
        kind: 'plan_published',
        key: 'plan-v3',
      }),
    );
    expect(first).toMatchObject({ fromStatus: 'confirmed', toStatus: 'planned', changed: true });
    const again = await asWorkflow((tx) =>
      advanceOrderStatus(tx, scope, orderId, 'planned', 'plan v3 published', {
        kind: 'plan_published',
        key: 'plan-v3',
      }),
    );
    expect(again.changed).toBe(false);
    await asWorkflow((tx) =>
      advanceOrderStatus(tx, scope, orderId, 'in_production', 'first operation started'),
    );
    // a replayed older event with its key after the order moved on changes nothing
    const replay = await asWorkflow((tx) =>
      advanceOrderStatus(tx, scope, orderId, 'planned', 'replay', { kind: 'plan_published', key: 'plan-v3' }),
    );
    expect(replay).toMatchObject({ changed: false, toStatus: 'in_production' });
    const jump = asWorkflow((tx) => advanceOrderStatus(tx, scope, orderId, 'ready', 'skip quality'));
    await expect(jump).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'invalid_transition',
      field: 'toStatus',
    });
    const auditAfter = await t.database.ownerQuery<{ n: string }>(
      'SELECT count(*)::text AS n FROM audit_event WHERE tenant_id = $1',
      [A],
    );
    expect(auditAfter).toEqual(auditBefore);
    const order = await admin.order.get({ id: orderId });
    expect(order.status).toBe('in_production');
    expect(order.lines.every((l) => l.status === 'in_production')).toBe(true);
    const kinds = order.events.map((e) => [e.kind, e.toStatus]);
    expect(kinds).toContainEqual(['plan_published', 'planned']);
    expect(kinds).toContainEqual(['status_changed', 'in_production']);
    expect(order.events.filter((e) => e.kind === 'plan_published')).toHaveLength(1);
  });

  it('records order.advance by a person with one audit row', async () => {
    const requestId = randomUUID();
    const c = callerFor(t.db, EAST_ADMIN, EAST, { requestId });
    await c.order.advance({ id: orderId, toStatus: 'quality_release', reason: '全部工序完成' });
    const rows = await t.database.ownerQuery<{ action: string }>(
      'SELECT action FROM audit_event WHERE request_id = $1',
      [requestId],
    );
    expect(rows).toEqual([{ action: 'order.advance' }]);
  });

  it('filters the order list by status, customer, requested-date range and search', async () => {
    const byPo = await admin.order.list({ search: 'find-me' });
    expect(byPo.items.map((o) => o.id)).toEqual([orderId]);
    const byName = await admin.order.list({ search: '宁波软包装' });
    expect(byName.items.map((o) => o.id)).toContain(orderId);
    const byStatus = await admin.order.list({ status: ['quality_release'] });
    expect(byStatus.items.map((o) => o.id)).toEqual([orderId]);
    const inRange = await admin.order.list({
      from: new Date(Date.now() + 39 * DAY),
      to: new Date(Date.now() + 41 * DAY),
    });
    expect(inRange.items.map((o) => o.id)).toEqual([orderId]);
    const otherCustomer = (await admin.masterData.customer.list({ search: 'C-CAN' }))[0]?.id;
    expect((await admin.order.list({ customerId: otherCustomer })).items.map((o) => o.id)).not.toContain(
      orderId,
    );
    const page = await admin.order.list({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(page.nextCursor).toBe(1);
  });

  it('releases a created work order once, with an audit row', async () => {
    const wo = (await admin.workOrder.list({ orderId })).items[0];
    if (!wo) throw new Error('confirmation made no work order');
    expect(wo.status).toBe('created');
    expect(wo.dueDate.getTime()).toBeGreaterThanOrEqual(Date.now() + 39 * DAY);
    const requestId = randomUUID();
    const released = await callerFor(t.db, EAST_ADMIN, EAST, { requestId }).workOrder.release({ id: wo.id });
    expect(released.status).toBe('released');
    const again = await callProcedure(admin, 'workOrder.release', { id: wo.id });
    expect(again.ok ? 'ok' : again.code).toBe('CONFLICT');
    const rows = await t.database.ownerQuery<{ action: string }>(
      'SELECT action FROM audit_event WHERE request_id = $1',
      [requestId],
    );
    expect(rows).toEqual([{ action: 'workOrder.release' }]);
  });

  it('writes exactly one audit row for each order and master-data mutation', async () => {
    const one = async (action: string, fn: (c: TCaller) => Promise<unknown>) => {
      const requestId = randomUUID();
      await fn(callerFor(t.db, EAST_ADMIN, EAST, { requestId }));
      const rows = await t.database.ownerQuery<{ action: string; outcome: string }>(
        'SELECT action, outcome FROM audit_event WHERE request_id = $1',
        [requestId],
      );
      expect(rows, action).toEqual([{ action, outcome: 'success' }]);
    };
    const [partnership] = await t.database.ownerQuery<{ id: string }>(
      `INSERT INTO partnership (id, tenant_id, partner_tenant_id, kind, scopes, updated_at)
       VALUES ($1, $2, $3, 'supplier', ARRAY[]::text[], now()) RETURNING id::text`,
      [randomUUID(), A, tenantIdForSlug('jiangnan-copper')],
    );
    const partnershipId = partnership?.id ?? '';
    const fresh = await admin.order.create({
      plantId: rp,
      customerId: customer,
      lines: [{ specId: spec, quantity: 3, requestedDate: new Date() }],
    });
    await one('order.update', (c) => c.order.update({ id: fresh.id, priority: 3 }));
    await one('order.share', (c) => c.order.share({ orderId: fresh.id, partnershipId }));
    await one('order.unshare', (c) => c.order.unshare({ orderId: fresh.id, partnershipId }));
    await one('order.cancel', (c) => c.order.cancel({ id: fresh.id, reason: '重复下单' }));
    await one('order.advance', (c) => c.order.advance({ id: orderId, toStatus: 'ready' }));
    const line = (await admin.order.get({ id: orderId })).lines[0];
    await one('order.ship', (c) =>
      c.order.ship({ orderId, lines: [{ lineId: line?.id ?? '', quantity: 3 }] }),
    );
    const alloy = (await admin.masterData.alloy.list({}))[0]?.id ?? '';
    await one('masterData.alloy.setActive', (c) => c.masterData.alloy.setActive({ id: alloy, active: true }));
    const temper = (await admin.masterData.temper.list({}))[0]?.id ?? '';
    await one('masterData.temper.update', (c) =>
      c.masterData.temper.update({ id: temper, description: '退火' }),
    );
    await one('masterData.customer.update', (c) =>
      c.masterData.customer.update({ id: customer, country: 'CN' }),
    );
    await one('masterData.customer.setActive', (c) =>
      c.masterData.customer.setActive({ id: customer, active: true }),
    );
    await one('masterData.spec.update', (c) => c.masterData.spec.update({ id: spec, surface: '轧制面' }));
    const routing = (await admin.routing.list({}))[0]?.id ?? '';
    await one('routing.setActive', (c) => c.routing.setActive({ id: routing, active: true }));
  });

  it('leaves every table as it was when a change is refused', async () => {
    const before = await databaseDigest(t.database);
    const refused = [
      await callProcedure(admin, 'order.update', { id: orderId, notes: 'late edit' }),
      await callProcedure(admin, 'order.confirm', { id: orderId }),
      await callProcedure(admin, 'order.cancel', { id: orderId, reason: 'in production' }),
      await callProcedure(admin, 'order.ship', {
        orderId,
        lines: [{ lineId: randomUUID(), quantity: 1 }],
      }),
      await callProcedure(admin, 'order.create', {
        plantId: rp,
        customerId: customer,
        lines: [
          { specId: spec, quantity: 1, requestedDate: new Date() },
          { specId: randomUUID(), quantity: 1, requestedDate: new Date() },
        ],
      }),
    ];
    // (the order is ready by now: the shipment fails on its unknown line)
    expect(refused.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    expect(refused[3]?.ok ? '' : (refused[3]?.shape as { data: { field: string } }).data.field).toBe(
      'lines.0.lineId',
    );
    expect(refused[4]?.ok ? '' : (refused[4]?.shape as { data: { field: string } }).data.field).toBe(
      'lines.1.specId',
    );
    expect(await databaseDigest(t.database)).toEqual(before);
  });
});
