// Production owners are usually not superusers (managed PostgreSQL). Then FORCE ROW LEVEL SECURITY binds the
// owner too, and the SECURITY DEFINER functions (which run as the owner) must still work. The local infra's
// owner is a superuser, which hides both facts; this suite migrates a database as a plain owner role.
import { randomBytes } from 'node:crypto';
import { readTestEnv } from '@ingot/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain.ts';
import { createDb, type Db } from './create-db.ts';
import { migrate } from './migrate.ts';
import { platformTenantExists, setPlatformAdmin, upsertUserBySubject } from './platform.ts';
import { withTenant, withUser } from './scope.ts';
import { type SeededTenant, seedTenant } from './test-support/seed-tenant.ts';

const OWNER_ROLE = 'ingot_test_plain_owner';
const OWNER_PASSWORD = 'ingot_test_plain_owner';

const withCredentials = (url: string, user: string, password: string, database: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  u.pathname = `/${database}`;
  return u.toString();
};

describe('a database owned by a non-superuser role [postgres]', () => {
  const env = readTestEnv();
  const name = `ingot_t_${process.pid}_plain_${randomBytes(3).toString('hex')}`;
  let admin: pg.Client;
  let owner: pg.Client;
  let db: Db;
  let tenant: SeededTenant;

  beforeAll(async () => {
    if (!env.ownerUrl || !env.appUrl)
      throw new Error(`no test database configured: ${env.source}; run infra/local/up`);
    admin = new pg.Client({ connectionString: env.ownerUrl });
    await admin.connect();
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER_ROLE}') THEN
        CREATE ROLE ${OWNER_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${OWNER_PASSWORD}';
      END IF;
    END $$`);
    await admin.query(`CREATE DATABASE "${name}" OWNER ${OWNER_ROLE}`);
    const ownerUrl = withCredentials(env.ownerUrl, OWNER_ROLE, OWNER_PASSWORD, name);
    await migrate({ kind: 'postgres', url: ownerUrl });
    owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    const appUrl = new URL(env.appUrl);
    appUrl.pathname = `/${name}`;
    db = createDb({ kind: 'postgres', url: appUrl.toString(), poolMax: 2 });
    tenant = await seedTenant(db, 'plain-owner');
  });

  afterAll(async () => {
    await db?.close();
    await owner?.end();
    if (admin) {
      await new Promise((r) => setTimeout(r, 50));
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it('runs the definer functions as that owner', async () => {
    const id = await upsertUserBySubject(db, {
      subject: 'plain|1',
      email: 'plain@example.com',
      displayName: 'P',
    });
    expect(
      await upsertUserBySubject(db, { subject: 'plain|1', email: 'plain@example.com', displayName: 'P' }),
    ).toBe(id);
    expect(await platformTenantExists(db, 'plain-owner')).toBe(true);
    expect(await setPlatformAdmin(db, { userId: id, platformAdmin: true })).toBe(true);
    const listed = await withUser(
      db,
      { userId: id },
      (tx) => tx.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM app_platform_list_tenants()`,
    );
    expect(listed.map((r) => r.slug)).toEqual(['plain-owner']);
  });

  it('binds the owner by the policies too (FORCE), outside the definer functions', async () => {
    const { rows } = await owner.query<{ plants: number; users: number; me: boolean }>(
      `SELECT (SELECT count(*)::int FROM plant) AS plants,
              (SELECT count(*)::int FROM app_user) AS users,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS me`,
    );
    // app_user is readable through the definer policy (the price of app_upsert_user); plants are not.
    expect(rows[0]).toMatchObject({ plants: 0, me: false });
    await owner.query('BEGIN');
    try {
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.tenantId]);
      const scoped = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM plant');
      expect(scoped.rows[0]?.n).toBe(1);
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('keeps the app role inside its tenant as usual', async () => {
    const plants = await withTenant(db, { tenantId: tenant.tenantId }, (tx) => tx.plant.findMany());
    expect(plants.map((p) => p.id)).toEqual([tenant.plantId]);
  });

  it('chains audit rows (the trigger runs as that owner) and verifies them as that owner', async () => {
    await withTenant(db, { tenantId: tenant.tenantId, userId: tenant.adminUserId }, (tx) =>
      tx.auditEvent.create({
        data: {
          tenantId: tenant.tenantId,
          actorUserId: tenant.adminUserId,
          action: 'x.y',
          targetType: 'x',
          outcome: 'success',
        },
      }),
    );
    const query = async <R>(sql: string, params?: unknown[]) => (await owner.query(sql, params)).rows as R[];
    expect(await verifyAuditChain(query, tenant.tenantId)).toMatchObject({
      ok: true,
      rows: 2,
      head: { seq: '2' },
    });
    const { rows } = await owner.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(rows[0]?.n, 'the tenant setting is reset after verifying').toBe(0);
  });
});
