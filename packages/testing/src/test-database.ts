/**
 * Throwaway databases for integration tests: a fresh PostgreSQL database per suite on the test cluster (created
 * and migrated by the owner role, used through the app role, dropped afterwards), or an in-memory PGlite.
 */
import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '@ingot/db';
import { migrate } from '@ingot/db/migrate';
import { openPglite, type PGlite, preparePglite } from '@ingot/db/pglite';
import pg from 'pg';
import { readTestEnv, type TestDatabaseKind } from './env.ts';

export interface TestDatabaseOptions {
  /** Apply the migrations (default true). False gives an empty database, e.g. to test the runner itself. */
  migrate?: boolean;
  /** Pool size of `db` on PostgreSQL (default 4). */
  poolMax?: number;
}

export interface TestDatabase {
  readonly kind: TestDatabaseKind;
  /** The database as the application sees it: role ingot_app, row-level security in force. Opened lazily. */
  readonly db: Db;
  /** PostgreSQL: this database's URL as the app role (for child processes). */
  readonly url: string | undefined;
  /** PostgreSQL: this database's URL as the owner role (migrations, Prisma CLI). */
  readonly ownerUrl: string | undefined;
  /** PGlite: the instance (one session; the app Db shares it). */
  readonly pglite: PGlite | undefined;
  /** Runs SQL as the owner (PostgreSQL) or superuser (PGlite): bypasses RLS. Seeding across tenants, catalogue checks. */
  ownerQuery<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Another app-role Db on the same database (e.g. a small pool); closed with this database. */
  openDb(opts?: { poolMax?: number }): Db;
  /** Closes every connection and drops the database. */
  close(): Promise<void>;
}

/** Database names we create: `ingot_t_<pid>_<random>`, so leftovers of dead test processes can be found. */
const NAME_PREFIX = 'ingot_t_';

export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgresTestDatabase(options) : createPgliteTestDatabase(options);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function unreachable(ownerUrl: string | undefined, source: string, cause?: unknown): Error {
  const where = ownerUrl ? new URL(ownerUrl).host : 'an unknown address';
  const why = cause instanceof Error ? `: ${cause.message}` : '';
  return new Error(
    `PostgreSQL for tests is not reachable at ${where}${why}\n` +
      `  (owner URL from ${source})\n` +
      '  Start the local services with `infra/local/up` (or `infra/local/up postgres`), then rerun.\n' +
      '  Integration suites run against PostgreSQL and PGlite both and never skip one silently.',
    { cause },
  );
}

async function connectAdmin(ownerUrl: string, source: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw unreachable(ownerUrl, source, e);
  }
  return client;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops databases left by test processes of this machine that died before their afterAll. */
async function dropLeftovers(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    // Not LIKE: `_` is a wildcard there, and 'ingot_test' would match 'ingot_t_%'.
    'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
    [NAME_PREFIX],
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(NAME_PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  }
}

async function createPostgresTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const env = readTestEnv();
  if (!env.ownerUrl || !env.appUrl) throw unreachable(env.ownerUrl, env.source);
  const admin = await connectAdmin(env.ownerUrl, env.source);
  const name = `${NAME_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const ownerUrl = withDatabase(env.ownerUrl, name);
  const url = withDatabase(env.appUrl, name);
  try {
    await dropLeftovers(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
    if (options.migrate !== false) await migrate({ kind: 'postgres', url: ownerUrl });
  } catch (e) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    throw e;
  }

  const dbs: Db[] = [];
  const openDb = (opts: { poolMax?: number } = {}) => {
    const db = createDb({ kind: 'postgres', url, poolMax: opts.poolMax ?? options.poolMax ?? 4 });
    dbs.push(db);
    return db;
  };
  let mainDb: Db | undefined;
  let owner: Promise<pg.Client> | undefined;
  return {
    kind: 'postgres',
    url,
    ownerUrl,
    pglite: undefined,
    get db() {
      mainDb ??= openDb();
      return mainDb;
    },
    async ownerQuery<R>(sql: string, params?: unknown[]) {
      owner ??= (async () => {
        const client = new pg.Client({ connectionString: ownerUrl });
        await client.connect();
        return client;
      })();
      const result = await (await owner).query(sql, params);
      return result.rows as R[];
    },
    openDb,
    async close() {
      await Promise.allSettled(dbs.map((db) => db.close()));
      await owner?.then((client) => client.end()).catch(() => {});
      try {
        await dropDatabase(admin, name);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * Drops a test database. Pools report "ended" before their sockets are closed, and WITH (FORCE) would
 * terminate those closing sessions, which pg then raises as uncaught errors: wait for them to go first.
 */
async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (!rows[0]?.n) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function createPgliteTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const pglite = await openPglite('memory://');
  if (options.migrate !== false) await preparePglite(pglite);
  const dbs: Db[] = [];
  const openDb = () => {
    const db = createDb({ kind: 'pglite', pglite });
    dbs.push(db);
    return db;
  };
  let mainDb: Db | undefined;
  return {
    kind: 'pglite',
    url: undefined,
    ownerUrl: undefined,
    pglite,
    get db() {
      mainDb ??= openDb();
      return mainDb;
    },
    ownerQuery: <R>(sql: string, params?: unknown[]) =>
      pglite.transaction(async (tx) => {
        // The session runs as ingot_app once prepared; the statement runs as the superuser.
        await tx.exec('SET LOCAL ROLE NONE');
        return (await tx.query<R>(sql, params)).rows;
      }),
    openDb,
    async close() {
      await Promise.allSettled(dbs.map((db) => db.close()));
      if (!pglite.closed) await pglite.close();
    },
  };
}
