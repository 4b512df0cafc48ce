/**
 * The lot.* and shopFloor.* cases of the API-wide sweeps, run here on their own until the lead folds
 * `lotSweepCases` / `lotBadInputs` into cross-tenant-sweep and validation:
 *
 * 1. Tenant A's admin aims every lot and shop-floor procedure at tenant B's rows (lot, operation, machine, plant):
 *    NOT_FOUND or FORBIDDEN, nothing of B in the answer, B's production rows unchanged — once with the
 *    application tenant filter, once with it switched off (row-level security alone, including under the raw
 *    recursive genealogy SQL).
 * 2. Bad input to each of them answers BAD_REQUEST naming the field, and writes nothing.
 *
 * PostgreSQL and PGlite.
 */
import { tenantIdForSlug } from '@ingot/db';
import { __unsafeDisableTenantFilterForTests, seedDemoTenant, tenantFilter } from '@ingot/domain';
import { describeEachDatabase, type TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProcedures, callProcedure } from './test-support/call-procedure.ts';
import { callerFor, EAST, EAST_ADMIN, JIANGNAN } from './test-support/demo-callers.ts';
import { lotBadInputs, lotSweepCases, seedSweepLots, type TSweepIds } from './test-support/lots-fixtures.ts';
import { leakedSecrets, secretsOf, tenantFingerprint } from './test-support/tenant-fingerprint.ts';

const A = tenantIdForSlug(EAST);
const B = tenantIdForSlug(JIANGNAN);

const PRODUCTION_TABLES = [
  'material_lot',
  'lot_link',
  'operation_report',
  'work_order_operation',
  'work_order',
  'sales_order',
  'sales_order_event',
  'equipment_downtime',
  'audit_event',
] as const;

/** Every production row of one tenant (or all tenants), canonical: equal means nothing changed. */
async function productionDigest(database: TestDatabase, tenantId?: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of PRODUCTION_TABLES) {
    const where = tenantId ? 'WHERE t.tenant_id = $1' : '';
    const [row] = await database.ownerQuery<{ n: string; digest: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
         FROM ${table} t ${where}`,
      tenantId ? [tenantId] : [],
    );
    out[table] = `${row?.n}:${row?.digest}`;
  }
  return out;
}

describeEachDatabase('lot and shop-floor sweep', (t) => {
  let a: TSweepIds;
  let b: TSweepIds;
  let secrets: string[];
  let bBefore: Record<string, string>;

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    const lots = await seedSweepLots(t.db);
    const fa = await tenantFingerprint(t.database, A);
    const fb = await tenantFingerprint(t.database, B);
    const rowOf = <T>(rows: T[], pick: (r: T) => boolean): T => {
      const row = rows.find(pick);
      if (!row) throw new Error('demo tenant incomplete');
      return row;
    };
    const aPlant = rowOf(fa.rows.plants, (p) => p.code === 'RP');
    const bPlant = rowOf(fb.rows.plants, (p) => p.code === 'CSP');
    a = {
      plant: aPlant.id,
      equipment: rowOf(fa.rows.equipment, (e) => e.code === 'CM-1' && e.plant_id === aPlant.id).id,
      ...lots.a,
    };
    b = {
      plant: bPlant.id,
      equipment: rowOf(fb.rows.equipment, (e) => e.code === 'CM-1' && e.plant_id === bPlant.id).id,
      ...lots.b,
    };
    const bLots = await t.database.ownerQuery<{ id: string; lot_no: string; heat_no: string }>(
      'SELECT id::text, lot_no, heat_no FROM material_lot WHERE tenant_id = $1',
      [B],
    );
    const bOps = await t.database.ownerQuery<{ id: string; work_order_id: string }>(
      'SELECT id::text, work_order_id::text FROM work_order_operation WHERE tenant_id = $1',
      [B],
    );
    secrets = [
      ...secretsOf(fb, fa),
      ...bLots.flatMap((l) => [l.id, l.lot_no, l.heat_no]),
      ...bOps.flatMap((o) => [o.id, o.work_order_id]),
    ];
    expect(secrets).toContain(b.lot);
    bBefore = await productionDigest(t.database, B);
  });

  function sweep(pass: number) {
    it('has a cross-tenant case for every lot.* and shopFloor.* procedure', () => {
      const covered = new Set(lotSweepCases(a, b, pass).map((c) => c.path));
      const mine = allProcedures()
        .map((p) => p.path)
        .filter((p) => p.startsWith('lot.') || p.startsWith('shopFloor.'));
      expect(mine.length).toBe(19);
      expect(mine.filter((p) => !covered.has(p))).toEqual([]);
    });

    it("answers NOT_FOUND or FORBIDDEN to B's rows, leaking nothing and changing nothing of B", async () => {
      const caller = callerFor(t.db, EAST_ADMIN, EAST);
      const failures: string[] = [];
      for (const c of lotSweepCases(a, b, pass)) {
        const out = await callProcedure(caller, c.path, c.input);
        const label = `${c.path}(${JSON.stringify(c.input ?? null)})`;
        const seen = out.ok ? out.data : [out.message, out.shape];
        if (c.expect === 'reject') {
          if (out.ok) failures.push(`${label}: succeeded`);
          else if (out.code !== 'NOT_FOUND' && out.code !== 'FORBIDDEN')
            failures.push(`${label}: ${out.code} ${out.message}`);
        } else if (!out.ok) failures.push(`${label}: ${out.code} ${out.message}`);
        if (leakedSecrets(seen, secrets).length > 0)
          failures.push(`${label}: leaks ${leakedSecrets(seen, secrets)}`);
      }
      expect(failures).toEqual([]);
      expect(await productionDigest(t.database, B)).toEqual(bBefore);
    });

    it("lists and searches only A's lots", async () => {
      const caller = callerFor(t.db, EAST_ADMIN, EAST);
      const listed = await caller.lot.list({});
      expect(listed.items.map((l) => l.id)).toContain(a.lot);
      expect(listed.items.map((l) => l.id)).not.toContain(b.lot);
      const found = await caller.lot.search({ q: 'SWEEP' });
      expect(found.map((l) => l.id)).toEqual([a.lot]);
      const g = await caller.lot.genealogy({ id: a.lot });
      expect(leakedSecrets(g, secrets)).toEqual([]);
    });
  }

  describe('with the application tenant filter', () => {
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

  describe('bad input', () => {
    it('answers BAD_REQUEST naming the field for every lot.* and shopFloor.* procedure, and writes nothing', async () => {
      const admin = callerFor(t.db, EAST_ADMIN, EAST);
      const cases = lotBadInputs({ plant: a.plant, equipment: a.equipment });
      const withInput = allProcedures()
        .filter((p) => p.takesInput && (p.path.startsWith('lot.') || p.path.startsWith('shopFloor.')))
        .map((p) => p.path);
      expect(withInput.filter((p) => !cases.some((c) => c.path === p))).toEqual([]);
      const failures: string[] = [];
      for (const c of cases) {
        const before = await productionDigest(t.database);
        const out = await callProcedure(admin, c.path, c.input);
        const after = await productionDigest(t.database);
        const label = `${c.path}(${JSON.stringify(c.input)})`;
        if (out.ok) {
          failures.push(`${label}: accepted`);
          continue;
        }
        const data = (
          out.shape as { data?: { field?: string | null; zodError?: { fieldErrors: object } | null } }
        ).data;
        const fields = Object.keys(data?.zodError?.fieldErrors ?? {});
        if (out.code !== 'BAD_REQUEST') failures.push(`${label}: ${out.code} (${out.message})`);
        else if (data?.field !== c.field || !fields.includes(c.field))
          failures.push(`${label}: names ${data?.field} / [${fields}] instead of ${c.field}`);
        else if (!out.message.includes(c.field))
          failures.push(`${label}: message "${out.message}" lacks the field`);
        if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${label}: wrote something`);
      }
      expect(failures).toEqual([]);
    });
  });
});
