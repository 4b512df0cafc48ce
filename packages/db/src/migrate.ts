/**
 * Applies the committed migrations (prisma/migrations/<name>/migration.sql) without any Prisma engine, to real
 * PostgreSQL (as the owner role) or to a PGlite instance, and records them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so either tool can take over from the other:
 *   - checksum: lower-case hex SHA-256 of the file's text (what `sha256sum migration.sql` prints);
 *   - started_at / finished_at, applied_steps_count = 1, logs NULL;
 *   - a migration whose name has a row that is finished and not rolled back is skipped;
 *   - a row that is neither finished nor rolled back (a failed migration) stops everything until someone
 *     resolves it (`prisma migrate resolve --rolled-back <name>`), as Prisma's P3009 does.
 * Stricter than Prisma on one point: an applied migration whose file has changed since is an error.
 *
 * Each migration runs in its own transaction together with its bookkeeping row, so a failure leaves the schema
 * untouched; the failure is then recorded (logs = the error) like Prisma records it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { findRepoRoot } from './repo-root.ts';

export type MigrateTarget =
  /** Real PostgreSQL; the URL must connect as the owner/migrator role (DATABASE_OWNER_URL). */
  | { kind: 'postgres'; url: string }
  /** A PGlite instance; statements run as its superuser whatever role the session has switched to. */
  | { kind: 'pglite'; pglite: PGlite };

export interface MigrateOptions {
  /** Default: this package's prisma/migrations. */
  migrationsDir?: string;
  /** Progress lines (one per applied migration). Default: silent. */
  log?: (line: string) => void;
}

export interface MigrateResult {
  /** Names applied by this call, in order. */
  applied: string[];
  /** Names found already applied. */
  skipped: string[];
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Raised for a failed or tampered migration; `migrationName` says which. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly migrationName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Prisma's advisory lock key: our runner and `prisma migrate` never apply concurrently. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** The table as Prisma creates it (schema-engine's postgres connector). */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** This package's prisma/migrations, found next to the source or, when bundled, from the repository root. */
export function defaultMigrationsDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(fileURLToPath(new URL('../prisma/migrations', import.meta.url)));
  } catch {
    // not a file: URL (bundled): fall through
  }
  candidates.push(path.join(findRepoRoot(), 'packages', 'db', 'prisma', 'migrations'));
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`@ingot/db: no migrations folder at ${candidates.join(' or ')}`);
  return found;
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** The migrations on disk, in Prisma's order (folder names compared with localeCompare). */
export async function readMigrations(dir: string = defaultMigrationsDir()): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationError(`migration folder ${name} has no migration.sql`, name);
      const sql = await readFile(file, 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

// -----------------------------------------------------------------------------------------------------------
// A minimal connection interface over pg and PGlite

interface Queryable {
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A whole script, possibly many statements (simple query protocol). */
  exec(sql: string): Promise<void>;
}

interface Executor {
  /** Runs `fn` in one transaction, as the migrating role. */
  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function postgresExecutor(url: string): Promise<Executor> {
  const client = new pg.Client({ connectionString: url, application_name: 'ingot-migrate' });
  await client.connect();
  const q: Queryable = {
    query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
  try {
    // Session-level lock, released when the connection closes even if we crash.
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
  } catch (e) {
    await client.end();
    throw e;
  }
  return {
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn(q);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      }
    },
    async close() {
      await client.end();
    },
  };
}

function pgliteExecutor(pglite: PGlite): Executor {
  const wrap = (tx: Transaction): Queryable => ({
    query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
    exec: async (sql) => {
      await tx.exec(sql);
    },
  });
  return {
    transaction: (fn) =>
      pglite.transaction(async (tx) => {
        // The app's PGlite session runs as ingot_app (see pglite.ts); migrate as the session's superuser.
        await tx.exec('SET LOCAL ROLE NONE');
        return fn(wrap(tx));
      }),
    close: async () => {},
  };
}

// -----------------------------------------------------------------------------------------------------------

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  started_at: Date | string;
  logs: string | null;
}

/** Applies every migration not yet applied. Safe to call on every start. */
export async function migrate(target: MigrateTarget, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = await readMigrations(options.migrationsDir);
  const log = options.log ?? (() => {});
  const executor =
    target.kind === 'postgres' ? await postgresExecutor(target.url) : pgliteExecutor(target.pglite);
  try {
    const rows = await executor.transaction(async (q) => {
      await q.exec(CREATE_MIGRATIONS_TABLE);
      return q.query<MigrationRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, logs FROM "_prisma_migrations" ORDER BY started_at',
      );
    });

    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed (started ${String(failed.started_at)}) and is not resolved; ` +
          'nothing was applied. Fix it, then mark it rolled back: ' +
          `npm run prisma -w @ingot/db -- migrate resolve --rolled-back ${failed.migration_name}` +
          (failed.logs ? `\nIts error: ${failed.logs}` : ''),
        failed.migration_name,
      );
    }

    const applied = new Map(
      rows
        .filter((r) => r.finished_at !== null && r.rolled_back_at === null)
        .map((r) => [r.migration_name, r]),
    );
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row && row.checksum !== m.checksum) {
        throw new MigrationError(
          `migration ${m.name} was modified after it was applied (database checksum ${row.checksum}, ` +
            `file ${m.checksum}). Never edit an applied migration: revert the file and add a new migration.`,
          m.name,
        );
      }
    }

    const result: MigrateResult = { applied: [], skipped: [] };
    for (const m of migrations) {
      if (applied.has(m.name)) {
        result.skipped.push(m.name);
        continue;
      }
      const id = randomUUID();
      try {
        await executor.transaction(async (q) => {
          await q.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, clock_timestamp(), 0)`,
            [id, m.checksum, m.name],
          );
          await q.exec(m.sql);
          await q.query(
            `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
            [id],
          );
        });
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        // Record the failure as Prisma does, so `prisma migrate status` and the next run both see it.
        await executor
          .transaction((q) =>
            q.query(
              `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs, applied_steps_count)
               VALUES ($1, $2, $3, clock_timestamp(), $4, 0)`,
              [id, m.checksum, m.name, message],
            ),
          )
          .catch(() => {});
        throw new MigrationError(`migration ${m.name} failed: ${message}`, m.name, { cause: e });
      }
      log(`applied ${m.name}`);
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await executor.close();
  }
}
