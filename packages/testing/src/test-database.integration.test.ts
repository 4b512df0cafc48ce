import { withTenant } from '@ingot/db';
import { expect, it } from 'vitest';
import { describeEachDatabase, testDatabases } from './describe-each-database.ts';
import { createTestDatabase } from './test-database.ts';

it('targets PostgreSQL and PGlite by default', () => {
  if (process.env.INGOT_TEST_DATABASES) return;
  expect(testDatabases().map((t) => t.kind)).toEqual(['postgres', 'pglite']);
});

describeEachDatabase('test database fixture', (t) => {
  it('is migrated and used through the application role', async () => {
    const [row] = await t.db.prisma.$queryRaw<Array<{ role: string }>>`SELECT current_user::text AS role`;
    expect(row?.role).toBe('ingot_app');
    const [owner] = await t.database.ownerQuery<{ super: boolean }>(
      'SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user',
    );
    expect(owner?.super).toBe(true);
    const tables = await t.database.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'tenant'`,
    );
    expect(tables[0]?.n).toBe(1);
  });

  it('opens further app-role Dbs on the same database', async () => {
    const other = t.database.openDb({ poolMax: 1 });
    const tenantId = '00000000-0000-5000-8000-000000000001';
    await withTenant(other, { tenantId }, (tx) =>
      tx.tenant.create({ data: { id: tenantId, slug: 'fixture', name: 'F' } }),
    );
    const seen = await withTenant(t.db, { tenantId }, (tx) => tx.tenant.count());
    expect(seen).toBe(1);
  });
});

it('creates a separate PostgreSQL database per call, and drops it on close', async () => {
  const one = await createTestDatabase('postgres', { migrate: false });
  const two = await createTestDatabase('postgres', { migrate: false });
  expect(one.url).not.toBe(two.url);
  const name = new URL(one.url ?? '').pathname.slice(1);
  await one.close();
  const left = await two.ownerQuery<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1',
    [name],
  );
  expect(left[0]?.n).toBe(0);
  await two.close();
});

it('fails loudly, naming infra/local/up, when PostgreSQL is unreachable', async () => {
  const saved = process.env.TEST_DATABASE_OWNER_URL;
  process.env.TEST_DATABASE_OWNER_URL = 'postgresql://ingot_owner:x@127.0.0.1:1/ingot_test';
  try {
    await expect(createTestDatabase('postgres')).rejects.toThrow(/infra\/local\/up/);
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_OWNER_URL;
    else process.env.TEST_DATABASE_OWNER_URL = saved;
  }
});
