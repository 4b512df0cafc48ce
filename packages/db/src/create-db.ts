import { PrismaPg } from '@prisma/adapter-pg';
import { readDbEnv } from './env.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { DeferredPgliteAdapterFactory, openPglite, type PGlite, preparePglite } from './pglite.ts';
import { defaultPgliteDir } from './repo-root.ts';

export type CreateDbOptions =
  /** PostgreSQL as the application role (DATABASE_URL). Migrations are deployed separately, by the owner. */
  | { kind: 'postgres'; url: string; poolMax?: number }
  /** PGlite in a directory (created if missing) or `memory://`; migrated on open. */
  | { kind: 'pglite'; dataDir: string }
  /** An already open PGlite (tests); migrated on first use, left open by close(). */
  | { kind: 'pglite'; pglite: PGlite };

export type Db = {
  kind: 'postgres' | 'pglite';
  prisma: PrismaClient;
  close(): Promise<void>;
};

/**
 * Interactive-transaction limits. maxWait covers waiting for a pooled connection (or, on PGlite, for the one
 * session), so it must outlast bursts larger than the pool; timeout bounds a single tenant transaction.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

const DEFAULT_POOL_MAX = 10;

/**
 * Opens the database. A string is a postgres:// URL (as the app role) or a PGlite location (`memory://`, a
 * directory). Synchronous: connections open on first use.
 */
export function createDb(target: CreateDbOptions | string): Db {
  const opts = typeof target === 'string' ? optionsFromString(target) : target;
  if (opts.kind === 'postgres') return createPostgresDb(opts.url, opts.poolMax ?? DEFAULT_POOL_MAX);
  return createPgliteDb(opts);
}

/**
 * The database this process is configured for: PostgreSQL at DATABASE_URL when set, else the embedded PGlite
 * at INGOT_PGLITE_DIR (default `<repo>/.ingot/pglite`).
 */
export function createDbFromEnv(): Db {
  const env = readDbEnv();
  if (env.DATABASE_URL) {
    return createDb({ kind: 'postgres', url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX });
  }
  return createDb({ kind: 'pglite', dataDir: env.INGOT_PGLITE_DIR ?? defaultPgliteDir() });
}

function optionsFromString(target: string): CreateDbOptions {
  if (/^postgres(ql)?:\/\//i.test(target)) return { kind: 'postgres', url: target };
  if (target.trim() === '') throw new TypeError('createDb: empty database location');
  return { kind: 'pglite', dataDir: target };
}

function createPostgresDb(url: string, poolMax: number): Db {
  // The adapter owns the pg Pool (and ends it on $disconnect).
  const adapter = new PrismaPg(
    { connectionString: url, max: poolMax, application_name: 'ingot' },
    {
      // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
      onPoolError: (err) => console.error('[@ingot/db] idle PostgreSQL connection error:', err.message),
    },
  );
  const prisma = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  let closed: Promise<void> | undefined;
  return {
    kind: 'postgres',
    prisma,
    close() {
      closed ??= prisma.$disconnect();
      return closed;
    },
  };
}

function createPgliteDb(opts: { kind: 'pglite'; dataDir: string } | { kind: 'pglite'; pglite: PGlite }): Db {
  const owned = 'dataDir' in opts;
  const ready: Promise<PGlite> = (async () => {
    const pglite = owned ? await openPglite(opts.dataDir) : opts.pglite;
    try {
      await preparePglite(pglite);
    } catch (e) {
      if (owned) await pglite.close().catch(() => {});
      throw e;
    }
    return pglite;
  })();
  // Reported by the first query; do not also crash the process as an unhandled rejection.
  ready.catch(() => {});
  const prisma = new PrismaClient({
    adapter: new DeferredPgliteAdapterFactory(ready),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  let closed: Promise<void> | undefined;
  return {
    kind: 'pglite',
    prisma,
    close() {
      closed ??= (async () => {
        await prisma.$disconnect();
        const pglite = await ready.catch(() => undefined);
        if (owned && pglite && !pglite.closed) await pglite.close();
      })();
      return closed;
    },
  };
}
