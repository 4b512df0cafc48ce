// `npm run migrate:check` (CI's drift check): replays the committed migrations into a shadow database through
// the WASM schema-engine shim and compares the result with schema.prisma. Passes now; fails both ways.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from './migrate.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const schemaFile = path.join(packageDir, 'prisma', 'schema.prisma');

describe('migration drift check [postgres]', () => {
  let database: TestDatabase;
  let scratch: string;

  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, {
      cwd: packageDir,
      // The check needs a database to connect to and a server to create its shadow database on; never the dev DB.
      env: { ...process.env, DATABASE_OWNER_URL: database.ownerUrl },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  const checkDrift = (...extra: string[]) =>
    run(process.execPath, ['bin/prisma.mjs', 'check-drift', ...extra]);

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    scratch = await mkdtemp(path.join(tmpdir(), 'ingot-drift-'));
  });
  afterAll(async () => {
    await database?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('passes for the committed schema and migrations (npm run migrate:check)', () => {
    const { code, output } = run('npm', ['run', '--silent', 'migrate:check']);
    expect(output).toContain('No difference detected');
    expect(code).toBe(0);
  });

  it('fails when schema.prisma gains a field no migration creates', async () => {
    const schema = await readFile(schemaFile, 'utf8');
    const drifted = schema.replace(/(model Plant \{\n)/, '$1  furnaceCount Int? @map("furnace_count")\n');
    expect(drifted).not.toBe(schema);
    const file = path.join(scratch, 'schema.prisma');
    await writeFile(file, drifted);
    const { code, output } = checkDrift('--schema', file);
    expect(output).toMatch(/Added column `furnace_count`/);
    expect(code).toBe(2);
  });

  it('fails when a migration changes something schema.prisma does not have', async () => {
    const dir = path.join(scratch, 'migrations');
    await cp(defaultMigrationsDir(), dir, { recursive: true });
    await mkdir(path.join(dir, '29991231000000_unmodelled'));
    await writeFile(
      path.join(dir, '29991231000000_unmodelled', 'migration.sql'),
      'ALTER TABLE "plant" ADD COLUMN "legacy_code" TEXT;\n',
    );
    const { code, output } = checkDrift('--migrations', dir);
    expect(output).toMatch(/legacy_code/);
    expect(code).toBe(2);
  });
});
