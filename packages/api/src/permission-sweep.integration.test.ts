/**
 * The permission table, swept over EVERY procedure of the app router (read from the router, so a new procedure is
 * swept without anyone remembering to add it):
 *
 * 1. Every procedure declares an action of a known layer (tenant, self, platform).
 * 2. A viewer calling any tenant or platform mutation gets FORBIDDEN — whatever the input, even input that would
 *    not validate (the check comes first) — and nothing in the database changes but the tenant's audit trail,
 *    which gains one `denied` row per refused tenant call.
 * 3. Partner roles (supplier, customer) get FORBIDDEN from every tenant procedure except reading the tenant's name
 *    and reading orders — which their partnership narrows (here: none, so empty lists and NOT_FOUND).
 * 4. Each role reaches exactly the tenant procedures the table grants it.
 *
 * Runs against real PostgreSQL and PGlite.
 */
import { ROLES, type TRole } from '@ingot/contracts';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { isPlatformAction, isSelfAction, isTenantAction, type TAction } from './permissions/actions.ts';
import { rolesAllow } from './permissions/permission-table.ts';
import { appRouter } from './root.ts';
import { allProcedures, callProcedure } from './test-support/call-procedure.ts';
import { databaseDigest } from './test-support/database-digest.ts';
import { callerFor, EAST, EAST_ADMIN } from './test-support/demo-callers.ts';

type TProcedureDef = { _def: { type: string; meta?: { action?: TAction } } };

function actionOf(path: string): TAction | undefined {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, TProcedureDef> }).procedures;
  return procedures[path]?._def.meta?.action;
}

/** Inputs that hit a procedure in every plausible shape: none, empty, ids, a full-ish create. */
const PROBES: unknown[] = [
  undefined,
  {},
  { id: '00000000-0000-4000-8000-000000000001' },
  { code: 'PERM-1', name: 'x', plantId: '00000000-0000-4000-8000-000000000001', roles: ['viewer'] },
];

describeEachDatabase('permission sweep', (t) => {
  const emailOf = (role: TRole) => `perm-${role.replace('_', '-')}@east-china-al.demo`;

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    const admin = callerFor(t.db, EAST_ADMIN, EAST);
    for (const role of ROLES) {
      await admin.member.add({ email: emailOf(role), displayName: role, roles: [role], plantIds: [] });
    }
  });

  it('finds an action of a known layer declared on every procedure', () => {
    const missing = allProcedures()
      .map((p) => ({ path: p.path, action: actionOf(p.path) }))
      .filter(({ action }) => !(isTenantAction(action) || isSelfAction(action) || isPlatformAction(action)));
    expect(missing, 'procedures without a known action: add .meta({ action })').toEqual([]);
  });

  it('answers FORBIDDEN to a viewer calling any tenant or platform mutation, with any input, and writes nothing but the denied rows', async () => {
    const viewer = callerFor(t.db, emailOf('viewer'), EAST);
    const mutations = allProcedures().filter((p) => p.type === 'mutation');
    expect(mutations.filter((p) => isSelfAction(actionOf(p.path))).map((p) => p.path)).toEqual([
      'me.setLocale',
    ]);
    await viewer.me.get(); // first sign-in binds the pending user row to the subject: not part of the sweep
    const trail = async () =>
      t.database.ownerQuery<{ outcome: string; action: string; target: string; n: number }>(
        `SELECT outcome, action, target_id AS target, count(*)::int AS n FROM audit_event
          WHERE tenant_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [tenantIdForSlug(EAST)],
      );
    const trailBefore = await trail();
    const before = await databaseDigest(t.database, { except: ['audit_event'] });
    const failures: string[] = [];
    const deniedInTenant: Array<{ action: string; target: string }> = [];
    for (const { path } of mutations) {
      const action = actionOf(path);
      if (isSelfAction(action)) continue;
      for (const input of PROBES) {
        const out = await callProcedure(viewer, path, input);
        if (out.ok || out.code !== 'FORBIDDEN')
          failures.push(`${path}(${JSON.stringify(input)}): ${out.ok ? 'succeeded' : out.code}`);
        if (isTenantAction(action)) deniedInTenant.push({ action, target: path });
      }
    }
    expect(failures).toEqual([]);
    expect(await databaseDigest(t.database, { except: ['audit_event'] })).toEqual(before);
    // The trail gained exactly one `denied` row per refused tenant call (platform calls have no tenant), nothing else.
    const gained = new Map<string, number>();
    for (const { action, target } of deniedInTenant) {
      const key = `denied ${action} ${target}`;
      gained.set(key, (gained.get(key) ?? 0) + 1);
    }
    for (const r of trailBefore) {
      const key = `${r.outcome} ${r.action} ${r.target}`;
      gained.set(key, (gained.get(key) ?? 0) + r.n);
    }
    const after = await trail();
    expect(Object.fromEntries(after.map((r) => [`${r.outcome} ${r.action} ${r.target}`, r.n]))).toEqual(
      Object.fromEntries(gained),
    );
  });

  it.each(['supplier', 'customer'] as const)(
    'shows a %s nothing of the tenant but its name (and the orders and certificates its partnership shares: none here)',
    async (role) => {
      const partner = callerFor(t.db, emailOf(role), EAST);
      const failures: string[] = [];
      for (const { path } of allProcedures()) {
        const action = actionOf(path);
        if (!isTenantAction(action)) continue;
        for (const input of [PROBES[2], {}]) {
          const out = await callProcedure(partner, path, input);
          if ((action === 'order.read' || action === 'certificate.read') && rolesAllow([role], action)) {
            // Granted by the table, narrowed by the partnership in the query: a partner without one sees no order
            // and no certificate.
            if (
              out.ok
                ? /orderNo|certNo/.test(JSON.stringify(out.data))
                : out.code !== 'NOT_FOUND' && out.code !== 'BAD_REQUEST'
            )
              failures.push(`${path}: ${out.ok ? JSON.stringify(out.data) : out.code}`);
          } else if (action === 'tenant.read') {
            if (!out.ok) failures.push(`${path}: ${out.code}`);
          } else if (out.ok || out.code !== 'FORBIDDEN')
            failures.push(`${path}: ${out.ok ? 'ok' : out.code}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('lets each role through to exactly the tenant procedures the table grants it (others: FORBIDDEN)', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      const caller = callerFor(t.db, emailOf(role), EAST);
      for (const { path } of allProcedures()) {
        const action = actionOf(path);
        if (!isTenantAction(action)) continue;
        // An input that passes no validation: a granted call fails on its input (BAD_REQUEST), a refused one first
        // on the table (FORBIDDEN) — so nothing is written while the table's verdict shows.
        const out = await callProcedure(caller, path, { id: 'not-a-uuid', plantId: 'x', code: '' });
        const forbidden = !out.ok && out.code === 'FORBIDDEN';
        if (rolesAllow([role], action) === forbidden)
          failures.push(
            `${role} ${path} (${action}): ${out.ok ? 'ok' : out.code} ${out.ok ? '' : out.message}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('tells the portal what the roles allow (tenant.get), straight from the table', async () => {
    const viewer = callerFor(t.db, emailOf('viewer'), EAST);
    const { access } = await viewer.tenant.get();
    expect(access.actions).toEqual([
      'tenant.read',
      'plant.read',
      'area.read',
      'workCenter.read',
      'equipment.read',
      'masterData.read',
      'order.read',
      'routing.read',
      'workOrder.read',
      'plan.read',
      'operation.read',
      'lot.read',
      'connector.read',
      'telemetry.read',
      'alarm.read',
      'quality.read',
      'certificate.read',
    ]);
    expect(tenantIdForSlug(EAST)).toBeTruthy();
  });
});
