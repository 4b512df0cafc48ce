// Opening databases: from the environment, persisted PGlite directories, and the guard against a role that would
// void row-level security.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createDbFromEnv } from './create-db.ts';
import { tenantIdForSlug } from './ids.ts';
import { openPglite } from './pglite.ts';
import { withTenant } from './scope.ts';

const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, INGOT_PGLITE_DIR: process.env.INGOT_PGLITE_DIR };
function restoreEnv() {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

describe('createDb / createDbFromEnv [pglite]', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ingot-pglite-'));
  });
  afterAll(async () => {
    restoreEnv();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens PGlite at INGOT_PGLITE_DIR when DATABASE_URL is unset, migrates it, and keeps the data', async () => {
    delete process.env.DATABASE_URL;
    const dataDir = path.join(dir, 'nested', 'pglite');
    process.env.INGOT_PGLITE_DIR = dataDir;
    const tenantId = tenantIdForSlug('persisted');

    const first = createDbFromEnv();
    expect(first.kind).toBe('pglite');
    await withTenant(first, { tenantId }, (tx) =>
      tx.tenant.create({ data: { id: tenantId, slug: 'persisted', name: 'Persisted' } }),
    );
    await first.close();

    const again = createDb(dataDir);
    const found = await withTenant(again, { tenantId }, (tx) =>
      tx.tenant.findUnique({ where: { id: tenantId } }),
    );
    expect(found?.slug).toBe('persisted');
    // Without a scope the session (ingot_app) sees nothing, as on PostgreSQL.
    expect(await again.prisma.tenant.count()).toBe(0);
    await again.close();

    // Migrated once: the second open applied nothing more.
    const raw = await openPglite(dataDir);
    const { rows } = await raw.query<{ n: number; distinct_names: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT migration_name)::int AS distinct_names FROM _prisma_migrations',
    );
    expect(rows[0]?.n).toBe(rows[0]?.distinct_names);
    await raw.close();
  });

  it('treats an empty DATABASE_URL as unset and rejects a malformed one', () => {
    process.env.DATABASE_URL = 'mysql://nope';
    expect(() => createDbFromEnv()).toThrow(/DATABASE_URL/);
    restoreEnv();
  });

  it('reports a database that cannot be opened at first use (createDb itself stays synchronous)', async () => {
    const notADirectory = path.join(dir, 'a-file');
    await writeFile(notADirectory, 'not a database');
    const db = createDb({ kind: 'pglite', dataDir: notADirectory });
    await expect(db.prisma.$connect()).rejects.toThrow();
    await expect(db.prisma.tenant.count()).rejects.toThrow();
    await db.close();
  });
});

describe('createDb / createDbFromEnv [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(restoreEnv);
  afterAll(async () => {
    await database?.close();
  });

  it('opens PostgreSQL at DATABASE_URL as the app role', async () => {
    process.env.DATABASE_URL = database.url;
    const db = createDbFromEnv();
    try {
      expect(db.kind).toBe('postgres');
      const [row] = await db.prisma.$queryRaw<Array<{ role: string }>>`SELECT current_user::text AS role`;
      expect(row?.role).toBe('ingot_app');
    } finally {
      await db.close();
    }
  });

  it('refuses tenant transactions as a role that bypasses row-level security', async () => {
    const asOwner = createDb(database.ownerUrl ?? '');
    try {
      await expect(
        withTenant(asOwner, { tenantId: tenantIdForSlug('any') }, (tx) => tx.plant.count()),
      ).rejects.toThrow(/refusing a tenant-scoped transaction as role ingot_owner/);
    } finally {
      await asOwner.close();
    }
  });
});
