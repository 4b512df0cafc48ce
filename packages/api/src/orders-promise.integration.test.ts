/**
 * The order domain's fallback promise rule (`routingLoadPromiseDate`, used by the demo seed), against real
 * PostgreSQL and PGlite: the earliest finish follows the routing times, starts each operation after the end of its
 * machine's last assignment in the plant's PUBLISHED plan (a draft does not count), and the promise is never before
 * the requested date.
 */
import { randomUUID } from 'node:crypto';
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { routingLoadPromiseDate, seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, EAST, EAST_ADMIN } from './test-support/demo-callers.ts';

const A = tenantIdForSlug(EAST);
const DAY = 86_400_000;

describeEachDatabase('promise date from routing times and plan load', (t) => {
  let orderId = '';
  let rp = '';
  const scope = { tenantId: A, plantIds: [] as string[], userId: null };
  const promise = () =>
    withTenant(t.db, { tenantId: A }, (tx) => routingLoadPromiseDate(tx, scope, { orderId }));

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    rp = seeded.tenants[EAST]?.plants.RP ?? '';
    const admin = callerFor(t.db, EAST_ADMIN, EAST);
    const customer = (await admin.masterData.customer.list({ search: 'C-PACK' }))[0]?.id ?? '';
    const spec = (await admin.masterData.spec.list({ search: 'S3003' }))[0]?.id ?? '';
    const order = await admin.order.create({
      plantId: rp,
      customerId: customer,
      lines: [{ specId: spec, quantity: 20, requestedDate: new Date(Date.now() - DAY) }],
    });
    orderId = order.id;
    await admin.order.confirm({ id: orderId });
  });

  it('sums the operation times on the fastest eligible machines when nothing else is planned', async () => {
    const before = Date.now();
    const p = await promise();
    const line = p.perLine[0];
    if (!line) throw new Error('one line expected');
    const hours = (line.earliestFinish.getTime() - before) / 3_600_000;
    // 8 steps for ~22 t of input: 24 h soak + 12 h anneal dominate, the rest is a few hours
    expect(hours).toBeGreaterThan(36);
    expect(hours).toBeLessThan(60);
    expect(line.promisedDate).toEqual(line.earliestFinish); // requested yesterday: the earliest finish is promised
    expect(p.method).toBe('routing-times-and-published-plan-load');
  });

  it("waits for the end of the caster's last assignment in the published plan, not in a draft", async () => {
    const [op] = await t.database.ownerQuery<{ id: string; equipment_id: string }>(
      `SELECT o.id::text, e.id::text AS equipment_id FROM work_order_operation o
         JOIN work_order w ON w.id = o.work_order_id
         JOIN sales_order_line l ON l.id = w.order_line_id
         JOIN equipment e ON e.tenant_id = o.tenant_id AND e.code = 'DC-1'
        WHERE l.order_id <> $1 AND o.tenant_id = $2 AND o.operation_code = 'dc_casting' LIMIT 1`,
      [orderId, A],
    );
    if (!op) throw new Error('the demo seed confirms an order on the caster');
    const busyUntil = new Date(Date.now() + 10 * DAY);
    const plan = async (status: 'draft' | 'published', version: number) => {
      const planId = randomUUID();
      await t.database.ownerQuery(
        `INSERT INTO plan_version (id, tenant_id, plant_id, version, status, trigger, horizon_start, frozen_until)
         VALUES ($1, $2, $3, $4, $5::plan_status, 'manual', now(), now())`,
        [planId, A, rp, version, status],
      );
      await t.database.ownerQuery(
        `INSERT INTO plan_assignment (id, tenant_id, plan_id, operation_id, equipment_id, start, "end")
         VALUES ($1, $2, $3, $4, $5, now(), $6)`,
        [randomUUID(), A, planId, op.id, op.equipment_id, busyUntil],
      );
    };
    await plan('draft', 901);
    const draftOnly = await promise();
    expect(draftOnly.perLine[0]?.earliestFinish.getTime()).toBeLessThan(busyUntil.getTime());
    await plan('published', 902);
    const loaded = await promise();
    expect(loaded.perLine[0]?.earliestFinish.getTime()).toBeGreaterThan(busyUntil.getTime() + 36 * 3_600_000);
    expect(loaded.promisedDate).toEqual(loaded.perLine[0]?.promisedDate);
  });
});
