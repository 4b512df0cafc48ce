// The Prisma CLI, offline, on the WASM schema-engine shim (bin/prisma.mjs -> bin/schema-engine.mjs), against real
// PostgreSQL: deploy, status, dev --create-only and dev; and Prisma's bookkeeping read back by our runner.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from './migrate.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('prisma CLI through the schema-engine shim [postgres]', () => {
  let database: TestDatabase;
  /** A throwaway copy of the prisma folder, under node_modules so its config can import `prisma/config`. */
  let project: string;

  const prisma = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['bin/prisma.mjs', ...args], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_OWNER_URL: database.ownerUrl },
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    project = path.join(packageDir, 'node_modules', '.tmp', `cli-${process.pid}-${Date.now()}`);
    await mkdir(project, { recursive: true });
    await cp(path.join(packageDir, 'prisma'), path.join(project, 'prisma'), { recursive: true });
    await writeFile(
      path.join(project, 'prisma.config.ts'),
      [
        "import { defineConfig } from 'prisma/config';",
        'export default defineConfig({',
        "  schema: 'prisma/schema.prisma',",
        "  migrations: { path: 'prisma/migrations' },",
        "  datasource: { url: process.env.DATABASE_OWNER_URL ?? '' },",
        '});',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await database?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('migrate deploy applies the committed migrations', () => {
    const { code, output } = prisma('migrate', 'deploy');
    expect(output).toContain('All migrations have been successfully applied.');
    expect(code).toBe(0);
  });

  it('migrate status reports the database up to date', () => {
    const { code, output } = prisma('migrate', 'status');
    expect(output).toContain('Database schema is up to date!');
    expect(code).toBe(0);
  });

  it('writes rows our runner accepts as its own (same names and checksums; nothing re-applied)', async () => {
    const rows = await database.ownerQuery<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    const files = await readMigrations();
    expect(rows).toEqual(
      files.map((f) => ({ migration_name: f.name, checksum: f.checksum, applied_steps_count: 1 })),
    );
    expect(await migrate({ kind: 'postgres', url: database.ownerUrl ?? '' })).toEqual({
      applied: [],
      skipped: files.map((f) => f.name),
    });
  });

  it('migrate dev --create-only writes a migration for a schema change (shadow database included)', async () => {
    const schemaFile = path.join(project, 'prisma', 'schema.prisma');
    const schema = await readFile(schemaFile, 'utf8');
    await writeFile(
      schemaFile,
      schema.replace(/(model Plant \{\n)/, '$1  furnaceCount Int? @map("furnace_count")\n'),
    );
    const config = path.join(project, 'prisma.config.ts');
    const { code, output } = prisma(
      'migrate',
      'dev',
      '--create-only',
      '--name',
      'add_furnace_count',
      '--config',
      config,
    );
    expect(output).toContain('created the following migration without applying it');
    expect(code).toBe(0);
    const created = (await readdir(path.join(project, 'prisma', 'migrations'))).filter((n) =>
      n.endsWith('_add_furnace_count'),
    );
    expect(created).toHaveLength(1);
    const sql = await readFile(
      path.join(project, 'prisma', 'migrations', created[0] ?? '', 'migration.sql'),
      'utf8',
    );
    expect(sql).toMatch(/ALTER TABLE "plant" ADD COLUMN\s+"furnace_count" INTEGER/);
  });

  it('migrate dev applies it (and evaluates data loss on the shadow database)', async () => {
    const config = path.join(project, 'prisma.config.ts');
    const { code, output } = prisma('migrate', 'dev', '--config', config);
    expect(output).toContain('Your database is now in sync with your schema.');
    expect(code).toBe(0);
    const [column] = await database.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'plant' AND column_name = 'furnace_count'`,
    );
    expect(column?.n).toBe(1);
  });
});
