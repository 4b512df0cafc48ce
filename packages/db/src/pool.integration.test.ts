// Nothing leaks through the connection pool: many concurrent tenant transactions on a pool of two connections,
// some failing half-way, each seeing only its own tenant, and the connections clean afterwards.
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './create-db.ts';
import { withTenant } from './scope.ts';
import { type SeededTenant, seedTenant } from './test-support/seed-tenant.ts';

const TRANSACTIONS = 200;
const POOL_MAX = 2;

describe('tenant transactions through a pg pool of 2 [postgres]', () => {
  let database: TestDatabase;
  let db: Db;
  const tenants: SeededTenant[] = [];
  /** Each tenant's plant ids, as the owner sees them. */
  const plantsOf = new Map<string, string[]>();

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (const slug of ['pool-a', 'pool-b', 'pool-c', 'pool-d']) {
      const tenant = await seedTenant(database.db, slug);
      tenants.push(tenant);
      // A different number of plants per tenant, so a wrong scope cannot produce the right answer by chance.
      await withTenant(database.db, { tenantId: tenant.tenantId }, async (tx) => {
        for (let i = 0; i < tenants.length; i++) {
          await tx.plant.create({
            data: { tenantId: tenant.tenantId, code: `EXTRA-${i}`, name: `extra ${i}` },
          });
        }
      });
    }
    const rows = await database.ownerQuery<{ tenant_id: string; id: string }>(
      'SELECT tenant_id, id FROM plant',
    );
    for (const t of tenants) {
      plantsOf.set(
        t.tenantId,
        rows
          .filter((r) => r.tenant_id === t.tenantId)
          .map((r) => r.id)
          .sort(),
      );
    }
    db = database.openDb({ poolMax: POOL_MAX });
  });

  afterAll(async () => {
    await database?.close();
  });

  it(`runs ${TRANSACTIONS} concurrent transactions of mixed tenants, each seeing only its own rows`, async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: TRANSACTIONS }, (_, i) => {
        const tenant = tenants[i % tenants.length] as SeededTenant;
        return withTenant(db, { tenantId: tenant.tenantId, userId: tenant.adminUserId }, async (tx) => {
          const [setting] = await tx.$queryRaw<Array<{ tenant: string; user: string }>>`
            SELECT current_setting('app.tenant_id') AS tenant, current_setting('app.user_id') AS user`;
          const plants = await tx.plant.findMany({ select: { id: true, tenantId: true } });
          // Yield to the other transactions between reads and writes.
          await tx.$queryRaw`SELECT pg_sleep(0.001)::text`;
          await tx.auditEvent.create({
            data: { tenantId: tenant.tenantId, action: `pool:${i}`, targetType: 'test', outcome: 'ok' },
          });
          const members = await tx.user.findMany({ select: { id: true } });
          if (i % 10 === 0) throw new Error(`planned failure ${i}`);
          return { i, tenant, setting, plants, members };
        });
      }),
    );

    const failures = outcomes.filter((o) => o.status === 'rejected');
    const unexpected = failures.filter(
      (f) => !String((f as PromiseRejectedResult).reason).includes('planned failure'),
    );
    expect(unexpected.map((f) => String((f as PromiseRejectedResult).reason).slice(0, 300))).toEqual([]);
    expect(failures).toHaveLength(TRANSACTIONS / 10);
    for (const f of failures) expect(String((f as PromiseRejectedResult).reason)).toMatch(/planned failure/);

    for (const o of outcomes) {
      if (o.status !== 'fulfilled') continue;
      const { tenant, setting, plants, members } = o.value;
      expect(setting).toEqual({ tenant: tenant.tenantId, user: tenant.adminUserId });
      expect(plants.map((p) => p.id).sort()).toEqual(plantsOf.get(tenant.tenantId));
      expect(members.map((m) => m.id)).toEqual([tenant.adminUserId]);
    }

    // Committed work landed under the right tenant; the failed transactions left nothing.
    const audit = await database.ownerQuery<{ tenant_id: string; action: string }>(
      `SELECT tenant_id, action FROM audit_event WHERE action LIKE 'pool:%'`,
    );
    expect(audit).toHaveLength(TRANSACTIONS - TRANSACTIONS / 10);
    for (const row of audit) {
      const i = Number(row.action.slice('pool:'.length));
      expect(i % 10).not.toBe(0);
      expect(row.tenant_id).toBe(tenants[i % tenants.length]?.tenantId);
    }
  });

  it('leaves every pooled connection without a tenant or user setting', async () => {
    // Hold both connections at once so each of them is checked.
    const bare = await Promise.all(
      Array.from(
        { length: POOL_MAX },
        () =>
          db.prisma.$queryRaw<Array<{ pid: number; tenant: string | null; user: string | null }>>`
          SELECT pg_backend_pid() AS pid, current_setting('app.tenant_id', true) AS tenant,
                 current_setting('app.user_id', true) AS user, pg_sleep(0.05)::text AS slept`,
      ),
    );
    const rows = bare.flat();
    expect(new Set(rows.map((r) => r.pid)).size).toBe(POOL_MAX);
    for (const r of rows) {
      expect(r.tenant ?? '').toBe('');
      expect(r.user ?? '').toBe('');
    }
    expect(await db.prisma.plant.count()).toBe(0);
    const idleInTx = await database.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND usename = 'ingot_app' AND state LIKE 'idle in transaction%'`,
    );
    expect(idleInTx[0]?.n).toBe(0);
  });
});
