// `npm run audit:verify -w @ingot/db -- --tenant <slug|id> [--tenant ...] | --all [--pglite <dir>]`
//
// Recomputes each tenant's audit chain (src/audit-chain.ts) and names every altered or missing row. Reads as the
// owner role: DATABASE_OWNER_URL from the environment, else from <repo>/.ingot/services.env; with --pglite, the
// embedded database in that folder (the portal must not be running on it: one process per PGlite folder).
// Exit 0: every chain intact; 1: a problem found; 2: usage or connection error.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type TOwnerQuery, verifyAuditChain } from '../src/audit-chain.ts';
import { findRepoRoot } from '../src/repo-root.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function ownerUrl(): string | undefined {
  if (process.env.DATABASE_OWNER_URL) return process.env.DATABASE_OWNER_URL;
  const file = path.join(findRepoRoot(), '.ingot', 'services.env');
  if (!existsSync(file)) return undefined;
  const m = /^DATABASE_OWNER_URL=(.*)$/m.exec(readFileSync(file, 'utf8'));
  return m?.[1]?.trim().replace(/^(['"])(.*)\1$/, '$2') || undefined;
}

async function open(pglite: string | undefined): Promise<{ query: TOwnerQuery; close(): Promise<void> }> {
  if (pglite) {
    const { openPglite } = await import('../src/pglite.ts');
    const db = await openPglite(pglite);
    return {
      query: async <R>(sql: string, params?: unknown[]) => (await db.query<R>(sql, params)).rows,
      close: () => db.close(),
    };
  }
  const url = ownerUrl();
  if (!url)
    throw new Error('no DATABASE_OWNER_URL (environment or .ingot/services.env); or pass --pglite <dir>');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
    close: () => client.end(),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      pglite: { type: 'string' },
    },
  });
  const wanted = values.tenant ?? [];
  if (wanted.length === 0 && !values.all) {
    console.error('usage: audit:verify -- --tenant <slug|id> [--tenant ...] | --all [--pglite <dir>]');
    return 2;
  }
  const db = await open(values.pglite);
  try {
    // The owner reads tenant rows through its definer policy on `tenant`.
    const tenants = await db.query<{ id: string; slug: string }>(
      'SELECT id::text AS id, slug FROM tenant ORDER BY slug',
    );
    const targets = values.all
      ? tenants
      : wanted.map((w) => {
          const t = tenants.find((x) => x.slug === w || (UUID.test(w) && x.id === w.toLowerCase()));
          if (!t) throw new Error(`no tenant with slug or id "${w}"`);
          return t;
        });
    let failed = 0;
    for (const t of targets) {
      const result = await verifyAuditChain(db.query, t.id);
      const head = result.head ? `head seq ${result.head.seq}` : 'no chain yet';
      if (result.ok) {
        console.log(`ok      ${t.slug} (${t.id}): ${result.rows} rows, ${head}`);
      } else {
        failed++;
        console.log(
          `BROKEN  ${t.slug} (${t.id}): ${result.rows} rows, ${head}, ${result.problems.length} problem(s)`,
        );
        for (const p of result.problems) console.log(`  - ${p.kind}: ${p.detail}`);
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`audit:verify: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
