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
import { describeEachDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProcedures, callProcedure } from './test-support/call-procedure.ts';
import { callerFor, EAST, EAST_ADMIN, JIANGNAN } from './test-support/demo-callers.ts';
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
}

type TCase = { path: string; input?: unknown; expect: 'reject' | 'ok' };

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

describeEachDatabase('cross-tenant sweep', (t) => {
  let a: TIds;
  let b: TIds;
  let bBefore: TTenantFingerprint;
  let secrets: string[];

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    const fa = await tenantFingerprint(t.database, A);
    bBefore = await tenantFingerprint(t.database, B);
    a = idsOf(fa, 'planner@east-china-al.demo');
    b = idsOf(bBefore, 'admin@jiangnan-copper.demo');
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

    it("answers NOT_FOUND or FORBIDDEN to B's ids, and lists only A's rows, leaking nothing of B", async () => {
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
    });

    it('probes every procedure with B ids in every id field: no success with B data, no leak, no 500', async () => {
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
    });

    it("refuses A's admin who picks tenant B in the switcher (forged tenant cookie): FORBIDDEN everywhere", async () => {
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
    });

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
