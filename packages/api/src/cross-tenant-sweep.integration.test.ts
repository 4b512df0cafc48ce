/**
 * Tenant isolation, swept over EVERY procedure of the app router (read from appRouter._def.procedures, so a new
 * procedure is swept without anyone remembering to add it):
 *
 * 1. A member of tenant A calls each procedure with tenant B's real ids: the answer is NOT_FOUND or FORBIDDEN and
 *    names none of B's ids, names or codes; list procedures return only A's rows; B's rows do not change.
 * 2. The same, with A's admin picking tenant B in the tenant switcher (a forged `ingot_tenant` cookie): FORBIDDEN.
 * 3. The whole sweep again with the application-level tenant filter switched off: row-level security alone must
 *    keep B invisible (NOT_FOUND) — the database is the second wall, and it holds on its own.
 *
 * Runs against real PostgreSQL and PGlite.
 */
import { tenantIdForSlug } from '@ingot/db';
import { __unsafeDisableTenantFilterForTests, seedDemoTenant, tenantFilter } from '@ingot/domain';
import { describeEachDatabase, type TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProcedures, callProcedure } from './test-support/call-procedure.ts';
import { callerFor, EAST, EAST_ADMIN, JIANGNAN } from './test-support/demo-callers.ts';
import { lotSweepCases, seedSweepLots, type TSweepIds } from './test-support/lots-fixtures.ts';
import { SWEEP_EXTENSIONS } from './test-support/sweep-extensions.ts';
import {
  leakedSecrets,
  secretsOf,
  type TTenantFingerprint,
  tenantFingerprint,
} from './test-support/tenant-fingerprint.ts';

const A = tenantIdForSlug(EAST);
const B = tenantIdForSlug(JIANGNAN);

interface TIds {
  plant: string;
  area: string;
  line: string;
  equipment: string;
  member: string;
  /** Issue 5 rows (read in beforeAll): the demo seed gives both tenants master data, a routing and an order. */
  orders?: TOrderIds;
  /** A lot and a pending operation on the rolling plant's CM-1 (seedSweepLots). */
  production?: TSweepIds;
  /** Rows seeded by each sweep extension (telemetry, alarms, quality, ...), by extension name. */
  extra?: Record<string, Record<string, string>>;
}

interface TOrderIds {
  alloy: string;
  temper: string;
  customer: string;
  spec: string;
  routing: string;
  order: string;
  orderLine: string;
  workOrder: string;
}

/** Master data, routing, order and work-order procedures, pointed at B's rows (or at B's parents). */
function orderCases(a: TIds, b: TIds, pass: number): TCase[] {
  if (!a.orders || !b.orders) throw new Error('order ids not read');
  const ao = a.orders;
  const bo = b.orders;
  const name = `hijack-${pass}`;
  const when = new Date('2027-01-15T00:00:00Z');
  const line = { specId: ao.spec, quantity: 1, unit: 't', requestedDate: when };
  const step = (equipmentId: string) => ({
    operationCode: 'cold_rolling',
    name,
    yield: 0.98,
    equipment: [{ equipmentId, rate: 10, rateUnit: 't_per_h' }],
  });
  return [
    { path: 'masterData.alloy.list', input: {}, expect: 'ok' },
    { path: 'masterData.alloy.get', input: { id: bo.alloy }, expect: 'reject' },
    { path: 'masterData.alloy.create', input: { code: `SWP-${pass}`, family: 'aluminium' }, expect: 'ok' },
    { path: 'masterData.alloy.update', input: { id: bo.alloy, name }, expect: 'reject' },
    { path: 'masterData.alloy.setActive', input: { id: bo.alloy, active: false }, expect: 'reject' },
    { path: 'masterData.temper.list', input: {}, expect: 'ok' },
    { path: 'masterData.temper.create', input: { code: `SWP${pass}`, family: 'aluminium' }, expect: 'ok' },
    { path: 'masterData.temper.update', input: { id: bo.temper, description: name }, expect: 'reject' },
    { path: 'masterData.customer.list', input: {}, expect: 'ok' },
    { path: 'masterData.customer.get', input: { id: bo.customer }, expect: 'reject' },
    { path: 'masterData.customer.create', input: { code: `SWP-${pass}`, name }, expect: 'ok' },
    { path: 'masterData.customer.update', input: { id: bo.customer, name }, expect: 'reject' },
    { path: 'masterData.customer.setActive', input: { id: bo.customer }, expect: 'reject' },
    { path: 'masterData.spec.list', input: {}, expect: 'ok' },
    { path: 'masterData.spec.list', input: { customerId: bo.customer }, expect: 'ok' },
    { path: 'masterData.spec.get', input: { id: bo.spec }, expect: 'reject' },
    {
      path: 'masterData.spec.create',
      input: {
        code: `SWP-${pass}`,
        productFamily: 'strip_coil',
        alloyId: bo.alloy,
        temperId: ao.temper,
        thicknessMm: 1,
        thicknessTolMinus: 0.05,
        thicknessTolPlus: 0.05,
        widthMm: 1000,
        innerDiameterMm: 508,
      },
      expect: 'reject',
    },
    { path: 'masterData.spec.update', input: { id: bo.spec, surface: name }, expect: 'reject' },
    {
      path: 'masterData.spec.toleranceLookup',
      input: { alloyCode: '3003', thicknessMm: 1, widthMm: 1200 },
      expect: 'ok',
    },
    { path: 'routing.list', input: {}, expect: 'ok' },
    { path: 'routing.get', input: { id: bo.routing }, expect: 'reject' },
    { path: 'routing.select', input: { specId: bo.spec }, expect: 'reject' },
    {
      path: 'routing.create',
      input: { code: `SWP-${pass}`, name, productFamily: 'strip_coil', steps: [step(b.equipment)] },
      expect: 'reject',
    },
    { path: 'routing.update', input: { id: bo.routing, name }, expect: 'reject' },
    { path: 'routing.update', input: { id: ao.routing, steps: [step(b.equipment)] }, expect: 'reject' },
    { path: 'routing.setActive', input: { id: bo.routing }, expect: 'reject' },
    { path: 'order.list', input: {}, expect: 'ok' },
    { path: 'order.list', input: { customerId: bo.customer, plantId: b.plant }, expect: 'ok' },
    { path: 'order.get', input: { id: bo.order }, expect: 'reject' },
    {
      path: 'order.create',
      input: { plantId: b.plant, customerId: ao.customer, lines: [line] },
      expect: 'reject',
    },
    {
      path: 'order.create',
      input: { plantId: a.plant, customerId: bo.customer, lines: [line] },
      expect: 'reject',
    },
    {
      path: 'order.create',
      input: { plantId: a.plant, customerId: ao.customer, lines: [{ ...line, specId: bo.spec }] },
      expect: 'reject',
    },
    { path: 'order.update', input: { id: bo.order, notes: name }, expect: 'reject' },
    { path: 'order.advance', input: { id: bo.order, toStatus: 'planned' }, expect: 'reject' },
    { path: 'order.cancel', input: { id: bo.order, reason: name }, expect: 'reject' },
    { path: 'order.confirm', input: { id: bo.order }, expect: 'reject' },
    {
      path: 'order.ship',
      input: { orderId: bo.order, lines: [{ lineId: bo.orderLine, quantity: 1 }] },
      expect: 'reject',
    },
    { path: 'order.share', input: { orderId: bo.order, partnershipId: bo.order }, expect: 'reject' },
    { path: 'order.unshare', input: { orderId: bo.order, partnershipId: bo.order }, expect: 'reject' },
    { path: 'order.partnerships', expect: 'ok' },
    { path: 'workOrder.list', input: {}, expect: 'ok' },
    { path: 'workOrder.list', input: { orderId: bo.order, plantId: b.plant }, expect: 'ok' },
    { path: 'workOrder.get', input: { id: bo.workOrder }, expect: 'reject' },
    { path: 'workOrder.release', input: { id: bo.workOrder }, expect: 'reject' },
  ];
}

type TCase = { path: string; input?: unknown; expect: 'reject' | 'ok' };

/** Planning procedures, pointed at B's plant, plans, operations, machines and orders. */
function planCases(b: TIds): TCase[] {
  if (!b.orders || !b.production) throw new Error('order ids not read');
  const bo = b.orders;
  const when = new Date('2027-01-15T00:00:00Z');
  return [
    { path: 'plan.current', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'plan.list', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'plan.status', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'plan.get', input: { planVersionId: b.plant }, expect: 'reject' },
    { path: 'plan.compare', input: { planVersionIds: [b.plant, b.plant] }, expect: 'reject' },
    { path: 'plan.run', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'plan.publish', input: { planVersionId: b.plant }, expect: 'reject' },
    {
      path: 'plan.moveOperation',
      input: {
        planVersionId: b.plant,
        operationId: b.production.operation,
        equipmentId: b.equipment,
        start: when,
      },
      expect: 'reject',
    },
    {
      path: 'plan.lockOperation',
      input: { planVersionId: b.plant, operationId: b.production.operation, locked: true },
      expect: 'reject',
    },
    { path: 'plan.equipmentDown', input: { equipmentId: b.equipment }, expect: 'reject' },
    { path: 'plan.equipmentUp', input: { equipmentId: b.equipment }, expect: 'reject' },
    { path: 'plan.rushOrder', input: { orderId: bo.order }, expect: 'reject' },
  ];
}

/** Connector procedures, pointed at B's plant (B's connectors are addressed by ids A cannot know). */
function connectorCases(b: TIds, pass: number): TCase[] {
  return [
    { path: 'connector.list', input: {}, expect: 'ok' },
    // An empty list, as for a plant without connectors: nothing of B either way.
    { path: 'connector.list', input: { plantId: b.plant }, expect: 'ok' },
    { path: 'connector.validateConfig', input: { config: '' }, expect: 'ok' },
    { path: 'connector.get', input: { id: b.plant }, expect: 'reject' },
    { path: 'connector.issueCredentials', input: { id: b.plant }, expect: 'reject' },
    { path: 'connector.revoke', input: { id: b.plant }, expect: 'reject' },
    { path: 'connector.updateConfig', input: { id: b.plant, config: '' }, expect: 'reject' },
    {
      path: 'connector.create',
      input: { plantId: b.plant, code: `x-${pass}`, name: `hijack-${pass}` },
      expect: 'reject',
    },
  ];
}

/** The explicit expectations, with valid inputs that point at B (or move A's rows under B's parents). */
function explicitCases(a: TIds, b: TIds, pass: number): TCase[] {
  const name = `hijack-${pass}`;
  return [
    { path: 'me.get', expect: 'ok' },
    { path: 'me.setLocale', input: { locale: 'zh-CN' }, expect: 'ok' },
    { path: 'tenant.get', expect: 'ok' },
    { path: 'tenant.update', input: { defaultLocale: 'zh-CN' }, expect: 'ok' },
    { path: 'plant.list', expect: 'ok' },
    { path: 'plant.get', input: { id: b.plant }, expect: 'reject' },
    { path: 'plant.create', input: { code: `SWEEP-${pass}`, name: `Sweep ${pass}` }, expect: 'ok' },
    { path: 'plant.update', input: { id: b.plant, name }, expect: 'reject' },
    { path: 'plant.delete', input: { id: b.plant }, expect: 'reject' },
    { path: 'area.list', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'area.create', input: { plantId: b.plant, code: `X-${pass}`, name }, expect: 'reject' },
    { path: 'area.update', input: { id: b.area, name }, expect: 'reject' },
    { path: 'area.delete', input: { id: b.area }, expect: 'reject' },
    { path: 'workCenter.list', input: {}, expect: 'ok' },
    { path: 'workCenter.list', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'workCenter.list', input: { areaId: b.area }, expect: 'reject' },
    { path: 'workCenter.create', input: { areaId: b.area, code: `X-${pass}`, name }, expect: 'reject' },
    { path: 'workCenter.update', input: { id: b.line, name }, expect: 'reject' },
    { path: 'workCenter.delete', input: { id: b.line }, expect: 'reject' },
    { path: 'workCenter.move', input: { id: b.line, areaId: a.area }, expect: 'reject' },
    { path: 'workCenter.move', input: { id: a.line, areaId: b.area }, expect: 'reject' },
    { path: 'equipment.list', input: {}, expect: 'ok' },
    { path: 'equipment.list', input: { plantId: b.plant }, expect: 'reject' },
    { path: 'equipment.list', input: { workCenterId: b.line }, expect: 'reject' },
    { path: 'equipment.get', input: { id: b.equipment }, expect: 'reject' },
    { path: 'equipment.tree', input: { plantId: b.plant }, expect: 'reject' },
    {
      path: 'equipment.create',
      input: { workCenterId: b.line, code: `X-${pass}`, name, class: 'other' },
      expect: 'reject',
    },
    { path: 'equipment.update', input: { id: b.equipment, name }, expect: 'reject' },
    { path: 'equipment.delete', input: { id: b.equipment }, expect: 'reject' },
    { path: 'equipment.move', input: { id: b.equipment, workCenterId: a.line }, expect: 'reject' },
    { path: 'equipment.move', input: { id: a.equipment, workCenterId: b.line }, expect: 'reject' },
    { path: 'member.list', expect: 'ok' },
    {
      path: 'member.add',
      input: {
        email: `sweep-${pass}@example.cn`,
        displayName: 'Sweep',
        roles: ['viewer'],
        plantIds: [b.plant],
      },
      expect: 'reject',
    },
    { path: 'member.update', input: { id: b.member, roles: ['viewer'] }, expect: 'reject' },
    { path: 'member.update', input: { id: a.member, plantIds: [b.plant] }, expect: 'reject' },
    { path: 'member.remove', input: { id: b.member }, expect: 'reject' },
    { path: 'audit.list', input: {}, expect: 'ok' },
    { path: 'audit.list', input: { filter: { target: b.plant } }, expect: 'ok' },
    // (export records its own filter in A's trail: a filter naming B's data would show up there by design)
    { path: 'audit.export', input: { filter: { action: 'plant' } }, expect: 'ok' },
    { path: 'platform.tenant.list', expect: 'reject' },
    {
      path: 'platform.tenant.provision',
      input: {
        slug: JIANGNAN,
        name: 'x',
        firstPlant: { code: 'P1', name: 'x' },
        admin: { email: 'x@example.cn', displayName: 'x' },
      },
      expect: 'reject',
    },
    { path: 'platform.tenant.provisionStatus', input: { slug: JIANGNAN }, expect: 'reject' },
    {
      path: 'platform.tenant.issueFirstPassword',
      input: { slug: JIANGNAN, email: 'admin@jiangnan-copper.demo' },
      expect: 'reject',
    },
    ...orderCases(a, b, pass),
    ...planCases(b),
    ...connectorCases(b, pass),
    ...(a.production && b.production ? lotSweepCases(a.production, b.production, pass) : []),
    ...SWEEP_EXTENSIONS.flatMap((ext) => {
      if (!a.production || !b.production) return [];
      const aIds = { ...a.production, ...a.extra?.[ext.name] };
      const bIds = { ...b.production, ...b.extra?.[ext.name] };
      return ext.cases(aIds, bIds, pass);
    }),
  ];
}

/** Inputs for the automatic probe: every id-like field set to one of B's ids. */
function probeInputs(b: TIds): unknown[] {
  return [b.plant, b.area, b.line, b.equipment, b.member].map((id) => ({
    id,
    plantId: b.plant,
    areaId: b.area,
    workCenterId: b.line,
    plantIds: [b.plant],
    slug: JIANGNAN,
  }));
}

function firstOf<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) throw new Error(`the demo tenant has no ${what}`);
  return row;
}

function idsOf(f: TTenantFingerprint, memberEmail: string): TIds {
  const member =
    f.rows.memberships.find((m) => m.email === memberEmail) ?? firstOf(f.rows.memberships, 'member');
  return {
    plant: firstOf(f.rows.plants, 'plant').id,
    area: firstOf(f.rows.areas, 'area').id,
    line: firstOf(f.rows.lines, 'line').id,
    equipment: firstOf(f.rows.equipment, 'equipment').id,
    member: member.id,
  };
}

/** The first of each issue 5 row kind of a tenant (as the owner): every kind is seeded for both demo tenants. */
async function orderIdsOf(database: TestDatabase, tenantId: string): Promise<TOrderIds> {
  const first = async (table: string) => {
    const [row] = await database.ownerQuery<{ id: string }>(
      `SELECT id::text FROM ${table} WHERE tenant_id = $1 ORDER BY id LIMIT 1`,
      [tenantId],
    );
    if (!row) throw new Error(`the demo tenant has no ${table}`);
    return row.id;
  };
  return {
    alloy: await first('alloy'),
    temper: await first('temper'),
    customer: await first('customer'),
    spec: await first('product_spec'),
    routing: await first('routing_template'),
    order: await first('sales_order'),
    orderLine: await first('sales_order_line'),
    workOrder: await first('work_order'),
  };
}

/** Each sweep calls every procedure several times; the router grows, so these steps get more time than one test. */
const SWEEP_TIMEOUT_MS = 300_000;

describeEachDatabase('cross-tenant sweep', (t) => {
  let a: TIds;
  let b: TIds;
  let bBefore: TTenantFingerprint;
  let secrets: string[];

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    const lots = await seedSweepLots(t.db);
    const extraA: Record<string, Record<string, string>> = {};
    const extraB: Record<string, Record<string, string>> = {};
    for (const ext of SWEEP_EXTENSIONS) {
      const rows = await ext.seed(t.db);
      extraA[ext.name] = rows.a;
      extraB[ext.name] = rows.b;
    }
    const fa = await tenantFingerprint(t.database, A);
    bBefore = await tenantFingerprint(t.database, B);
    const production = (
      f: TTenantFingerprint,
      plantCode: string,
      lot: { lot: string; operation: string },
    ) => {
      const plant = firstOf(
        f.rows.plants.filter((p) => p.code === plantCode),
        `plant ${plantCode}`,
      );
      const cm1 = firstOf(
        f.rows.equipment.filter((e) => e.code === 'CM-1' && e.plant_id === plant.id),
        'CM-1',
      );
      return { plant: plant.id, equipment: cm1.id, ...lot };
    };
    a = {
      ...idsOf(fa, 'planner@east-china-al.demo'),
      orders: await orderIdsOf(t.database, A),
      production: production(fa, 'RP', lots.a),
      extra: extraA,
    };
    b = {
      ...idsOf(bBefore, 'admin@jiangnan-copper.demo'),
      orders: await orderIdsOf(t.database, B),
      production: production(bBefore, 'CSP', lots.b),
      extra: extraB,
    };
    secrets = secretsOf(bBefore, fa);
    expect(secrets.length).toBeGreaterThan(10);
  });

  function sweep(pass: number) {
    it('covers every procedure of the app router with an explicit case', () => {
      const covered = new Set(explicitCases(a, b, pass).map((c) => c.path));
      const missing = allProcedures()
        .map((p) => p.path)
        .filter((p) => !covered.has(p));
      expect(missing, 'procedures without a cross-tenant case: add them to explicitCases').toEqual([]);
    });

    it(
      "answers NOT_FOUND or FORBIDDEN to B's ids, and lists only A's rows, leaking nothing of B",
      async () => {
        const caller = callerFor(t.db, EAST_ADMIN, EAST);
        const failures: string[] = [];
        for (const c of explicitCases(a, b, pass)) {
          const out = await callProcedure(caller, c.path, c.input);
          const label = `${c.path}(${JSON.stringify(c.input ?? null)})`;
          if (c.expect === 'reject') {
            if (out.ok) failures.push(`${label}: succeeded`);
            else if (out.code !== 'NOT_FOUND' && out.code !== 'FORBIDDEN')
              failures.push(`${label}: ${out.code}`);
            else if (leakedSecrets([out.message, out.shape], secrets).length > 0) {
              failures.push(`${label}: error leaks ${leakedSecrets([out.message, out.shape], secrets)}`);
            }
          } else if (!out.ok) {
            failures.push(`${label}: ${out.code} ${out.message}`);
          } else if (leakedSecrets(out.data, secrets).length > 0) {
            failures.push(`${label}: result leaks ${leakedSecrets(out.data, secrets)}`);
          }
        }
        expect(failures).toEqual([]);
      },
      SWEEP_TIMEOUT_MS,
    );

    it(
      'probes every procedure with B ids in every id field: no success with B data, no leak, no 500',
      async () => {
        const caller = callerFor(t.db, EAST_ADMIN, EAST);
        const failures: string[] = [];
        for (const { path } of allProcedures()) {
          for (const input of probeInputs(b)) {
            const out = await callProcedure(caller, path, input);
            const seen = out.ok ? out.data : [out.message, out.shape];
            if (!out.ok && out.code === 'INTERNAL_SERVER_ERROR')
              failures.push(`${path}: 500 ${out.error.cause}`);
            if (leakedSecrets(seen, secrets).length > 0)
              failures.push(`${path}: leaks ${leakedSecrets(seen, secrets)}`);
          }
        }
        expect(failures).toEqual([]);
      },
      SWEEP_TIMEOUT_MS,
    );

    it(
      "refuses A's admin who picks tenant B in the switcher (forged tenant cookie): FORBIDDEN everywhere",
      async () => {
        const forged = callerFor(t.db, EAST_ADMIN, JIANGNAN);
        const failures: string[] = [];
        for (const c of explicitCases(a, b, pass)) {
          if (c.path.startsWith('me.')) continue; // not tenant-scoped: about the user only
          const out = await callProcedure(forged, c.path, c.input);
          if (out.ok) failures.push(`${c.path}: succeeded`);
          else if (out.code !== 'FORBIDDEN') failures.push(`${c.path}: ${out.code}`);
          else if (leakedSecrets([out.message, out.shape], secrets).length > 0)
            failures.push(`${c.path}: leaks`);
        }
        expect(failures).toEqual([]);
        const me = await forged.me.get();
        expect(me.activeTenantStale).toBe(true);
        expect(me.activeTenantId).toBe(A);
        expect(leakedSecrets(me, secrets)).toEqual([]);
      },
      SWEEP_TIMEOUT_MS,
    );

    it('left every row of B as it was', async () => {
      const bAfter = await tenantFingerprint(t.database, B);
      expect(bAfter.snapshot).toBe(bBefore.snapshot);
    });
  }

  describe('with the application tenant filter (both walls)', () => {
    sweep(1);
  });

  describe('with the application tenant filter switched off (row-level security alone)', () => {
    beforeAll(() => {
      __unsafeDisableTenantFilterForTests(true);
    });
    afterAll(() => {
      __unsafeDisableTenantFilterForTests(false);
    });

    it('really runs without the application filter', () => {
      expect(tenantFilter({ tenantId: A })).toEqual({});
    });

    sweep(2);
  });
});
