/**
 * The embedded database: PGlite (PostgreSQL in WASM, in-process), migrated by our runner.
 *
 * PGlite has a single session whose user is a superuser, which would bypass row-level security. So once the
 * migrations are applied the session switches to ingot_app (`SET ROLE`), and withTenant/withUser also
 * `SET LOCAL ROLE ingot_app` in every transaction: code that forgets a tenant scope sees nothing here, exactly
 * as on PostgreSQL. The migration runner switches back for its own transactions (`SET LOCAL ROLE NONE`).
 *
 * One process per data directory: PGlite cannot share a directory between processes.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { migrate } from './migrate.ts';

export { PGlite };

/** The role the application runs as (created by the migrations, NOLOGIN on PGlite). */
export const APP_ROLE = 'ingot_app';

export function isInMemoryDir(dataDir: string): boolean {
  return dataDir.startsWith('memory://');
}

/** Opens (creating if needed) a PGlite database: `memory://` or a directory. Not yet migrated. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  try {
    if (!isInMemoryDir(dataDir)) mkdirSync(dataDir, { recursive: true });
    return await PGlite.create(dataDir);
  } catch (e) {
    throw new Error(
      `@ingot/db: cannot open the PGlite database in ${dataDir} (${e instanceof Error ? e.message : String(e)}). ` +
        'Is another process using it, or was it created by another PGlite version? ' +
        'Stop that process, or move the folder away (INGOT_PGLITE_DIR chooses another).',
      { cause: e },
    );
  }
}

/** Applies pending migrations and switches the session to the application role. Idempotent. */
export async function preparePglite(pglite: PGlite): Promise<void> {
  await migrate({ kind: 'pglite', pglite });
  await pglite.exec(`SET ROLE ${APP_ROLE}`);
}

/** Opens, migrates and prepares a PGlite database in one step. */
export async function openPreparedPglite(dataDir: string): Promise<PGlite> {
  const pglite = await openPglite(dataDir);
  try {
    await preparePglite(pglite);
  } catch (e) {
    await pglite.close().catch(() => {});
    throw e;
  }
  return pglite;
}

/**
 * A Prisma driver adapter factory over a PGlite that is still being opened and migrated. PrismaClient connects
 * lazily, so createDb can stay synchronous: the first query waits for `ready` (and fails with its error).
 */
export class DeferredPgliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'pglite-prisma-adapter';

  constructor(private readonly ready: Promise<PGlite>) {}

  async connect(): ReturnType<SqlDriverAdapterFactory['connect']> {
    const pglite = await this.ready;
    // pglite-prisma-adapter is built against an older @prisma/driver-adapter-utils; the runtime contract is
    // the same, only the declared types differ.
    return (await new PrismaPGlite(pglite).connect()) as unknown as Awaited<
      ReturnType<SqlDriverAdapterFactory['connect']>
    >;
  }
}
