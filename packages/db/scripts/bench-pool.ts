// `npm run bench:pool -w @ingot/db [-- <transactions> <concurrency>]`: throughput of tenant-scoped transactions
// (set_config + a read + a small write) on PostgreSQL with pools of 2 and 10, and on PGlite, each on a fresh
// test database. Needs PostgreSQL from infra/local/up.
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import type { Db } from '../src/create-db.ts';
import { withTenant } from '../src/scope.ts';
import { type SeededTenant, seedTenant } from '../src/test-support/seed-tenant.ts';

const transactions = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);

async function run(label: string, db: Db, tenants: SeededTenant[]): Promise<void> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < transactions) {
      const i = next++;
      const tenant = tenants[i % tenants.length] as SeededTenant;
      try {
        await withTenant(db, { tenantId: tenant.tenantId, userId: tenant.adminUserId }, async (tx) => {
          await tx.plant.findMany({ select: { id: true } });
          await tx.auditEvent.create({
            data: { tenantId: tenant.tenantId, action: 'bench', targetType: 'bench', outcome: 'ok' },
          });
        });
      } catch {
        failed++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const rate = (transactions / seconds).toFixed(0);
  console.log(
    `${label.padEnd(22)} ${transactions} tx, concurrency ${concurrency}: ${seconds.toFixed(2)} s, ${rate} tx/s, ${failed} failed`,
  );
}

async function bench(database: TestDatabase, pools: Array<number | undefined>): Promise<void> {
  const tenants: SeededTenant[] = [];
  for (const slug of ['bench-a', 'bench-b', 'bench-c', 'bench-d'])
    tenants.push(await seedTenant(database.db, slug));
  for (const poolMax of pools) {
    const db = poolMax ? database.openDb({ poolMax }) : database.db;
    await run(`${database.kind}${poolMax ? ` pool ${poolMax}` : ''}`, db, tenants);
  }
}

const postgres = await createTestDatabase('postgres');
try {
  await bench(postgres, [2, 10]);
} finally {
  await postgres.close();
}
const pglite = await createTestDatabase('pglite');
try {
  await bench(pglite, [undefined]);
} finally {
  await pglite.close();
}
