// The engine-free migration runner: applies what Prisma would, records what Prisma records (so `prisma migrate
// status` agrees), skips what is applied, and stops on a tampered or failed migration.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeEachDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultMigrationsDir,
  type MigrateTarget,
  MigrationError,
  migrate,
  readMigrations,
} from './migrate.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface Row {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

describeEachDatabase(
  'migration runner',
  (t) => {
    const target = (): MigrateTarget =>
      t.kind === 'postgres'
        ? { kind: 'postgres', url: t.database.ownerUrl ?? '' }
        : { kind: 'pglite', pglite: t.database.pglite as NonNullable<typeof t.database.pglite> };
    const rows = () =>
      t.database.ownerQuery<Row>('SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name');

    let scratch: string;
    beforeAll(async () => {
      scratch = await mkdtemp(path.join(tmpdir(), 'ingot-migrations-'));
    });
    afterAll(async () => {
      await rm(scratch, { recursive: true, force: true });
    });

    it('applies every committed migration to an empty database, as Prisma records them', async () => {
      const files = await readMigrations();
      expect(files.length).toBeGreaterThanOrEqual(2);
      const result = await migrate(target());
      expect(result).toEqual({ applied: files.map((f) => f.name), skipped: [] });

      const recorded = await rows();
      expect(recorded.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const r of recorded) {
        const file = path.join(defaultMigrationsDir(), r.migration_name, 'migration.sql');
        const sha256sum = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
        expect(r.checksum, r.migration_name).toBe(sha256sum);
        expect(r).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
        expect(r.finished_at).toBeInstanceOf(Date);
        expect((r.finished_at as Date).getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
      }
      const [tables] = await t.database.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('tenant', 'plant')`,
      );
      expect(tables?.n).toBe(2);
    });

    it('does nothing the second time', async () => {
      const before = await rows();
      const result = await migrate(target());
      expect(result.applied).toEqual([]);
      expect(result.skipped).toEqual(before.map((r) => r.migration_name));
      expect(await rows()).toEqual(before);
    });

    if (t.kind === 'postgres') {
      it('leaves a database `prisma migrate status` (through the shim) calls up to date', () => {
        const status = spawnSync(process.execPath, ['bin/prisma.mjs', 'migrate', 'status'], {
          cwd: packageDir,
          env: { ...process.env, DATABASE_OWNER_URL: t.database.ownerUrl },
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(status.stdout + status.stderr).toContain('Database schema is up to date!');
        expect(status.status).toBe(0);
      });
    }

    it('refuses to run when an applied migration was edited afterwards', async () => {
      const [first] = await rows();
      const name = first?.migration_name ?? '';
      await t.database.ownerQuery(
        `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = $1`,
        [name],
      );
      try {
        const error = await migrate(target()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationError);
        expect((error as MigrationError).migrationName).toBe(name);
        expect(String(error)).toMatch(/was modified after it was applied/);
      } finally {
        const file = (await readMigrations()).find((f) => f.name === name);
        await t.database.ownerQuery('UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2', [
          file?.checksum,
          name,
        ]);
      }
      expect((await migrate(target())).applied).toEqual([]);
    });

    describe('a migration that fails', () => {
      const badName = '29991231000000_broken';

      beforeAll(async () => {
        // The committed migrations plus one that creates a table and then fails.
        await cp(defaultMigrationsDir(), scratch, { recursive: true });
        await mkdir(path.join(scratch, badName));
        await writeFile(
          path.join(scratch, badName, 'migration.sql'),
          'CREATE TABLE half_done (id int);\nSELECT * FROM table_that_does_not_exist;\n',
        );
      });

      it('is rolled back whole, recorded as failed, and reported with its name', async () => {
        const error = await migrate(target(), { migrationsDir: scratch }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationError);
        expect((error as MigrationError).migrationName).toBe(badName);
        expect(String(error)).toMatch(/table_that_does_not_exist/);

        const [halfDone] = await t.database.ownerQuery<{ t: string | null }>(
          `SELECT to_regclass('half_done')::text AS t`,
        );
        expect(halfDone?.t).toBeNull();
        const failed = (await rows()).filter((r) => r.migration_name === badName);
        expect(failed).toHaveLength(1);
        expect(failed[0]).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
        expect(failed[0]?.logs).toMatch(/table_that_does_not_exist/);
      });

      it('stops every later run until the failure is resolved', async () => {
        // Even with the broken file gone, the failed row blocks (as Prisma's P3009 does).
        const error = await migrate(target()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationError);
        expect(String(error)).toMatch(new RegExp(`${badName} failed .* is not resolved`));
        expect(String(error)).toMatch(/migrate resolve --rolled-back/);

        await t.database.ownerQuery(
          'UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL',
          [badName],
        );
        expect((await migrate(target())).applied).toEqual([]);
      });
    });
  },
  { migrate: false },
);
