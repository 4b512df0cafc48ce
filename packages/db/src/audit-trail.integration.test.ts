/**
 * The audit trail in the database: chained per tenant by the insert trigger (whatever the inserter passed),
 * append-only for the app role (no UPDATE/DELETE/TRUNCATE grants) and for everyone else (a guard trigger),
 * concurrency-safe, idempotent inserts that do not break the chain, and `verifyAuditChain` (the same code as
 * `npm run audit:verify`) naming an altered row, a missing row and a missing tail. PostgreSQL and PGlite.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH, type TAuditRowText, verifyAuditChain } from './audit-chain.ts';
import type { Db } from './create-db.ts';
import { sqlStateOf } from './errors.ts';
import { withTenant } from './scope.ts';
import { type SeededTenant, seedTenant } from './test-support/seed-tenant.ts';

const packageDir = path.resolve(import.meta.dirname, '..');

async function record(
  db: Db,
  t: SeededTenant,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return withTenant(db, { tenantId: t.tenantId, userId: t.adminUserId }, async (tx) => {
    const row = await tx.auditEvent.create({
      data: {
        tenantId: t.tenantId,
        actorUserId: t.adminUserId,
        action,
        targetType: 'plant',
        targetId: t.plantId,
        outcome: 'success',
        requestId: randomUUID(),
        sourceIp: '192.0.2.7',
        details: { note: `审计 ${action}`, n: 1.5, list: ['a', 'b'] },
        ...extra,
      },
    });
    return row.id;
  });
}

async function sqlState(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return 'succeeded';
  } catch (e) {
    return sqlStateOf(e);
  }
}

describeEachDatabase('audit trail', (t) => {
  let n = 0;
  const freshTenant = async () => {
    const tenant = await seedTenant(t.db, `audit-${++n}`);
    for (let i = 1; i <= 4; i++) await record(t.db, tenant, `plant.update.${i}`);
    return tenant; // 5 rows: the seed's and four more
  };
  const verify = (tenantId: string) => verifyAuditChain(t.database.ownerQuery, tenantId);
  /** Tampering as the owner means going around the guard trigger on purpose. */
  const asOwnerAroundGuard = async (sql: string, params: unknown[]) => {
    await t.database.ownerQuery('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    try {
      await t.database.ownerQuery(sql, params);
    } finally {
      await t.database.ownerQuery('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    }
  };

  let a: SeededTenant;
  beforeAll(async () => {
    a = await freshTenant();
  });

  it('chains every insert: seq 1.., prev_hash = the previous hash, hash recomputable outside the database', async () => {
    const rows = await t.database.ownerQuery<TAuditRowText>(
      `SELECT id::text AS id, seq::text AS seq, tenant_id::text AS tenant_id,
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
              actor_user_id::text AS actor_user_id, actor_email, action, target_type, target_id, outcome,
              request_id, source_ip, details::text AS details, prev_hash, hash
         FROM audit_event e WHERE e.tenant_id = $1 ORDER BY e.seq`,
      [a.tenantId],
    );
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
      expect(auditRowHash(row)).toBe(row.hash);
      expect(row.actor_email).toBe(`admin@audit-1.example`);
    }
    expect(await verify(a.tenantId)).toMatchObject({ ok: true, rows: 5, head: { seq: '5' }, problems: [] });
  });

  it('ignores chain fields and the time passed by the inserter', async () => {
    const id = await record(t.db, a, 'forged', {
      seq: 999n,
      hash: 'f'.repeat(64),
      prevHash: 'e'.repeat(64),
      at: new Date('2000-01-01T00:00:00Z'),
      actorEmail: 'someone-else@example.cn',
    });
    const [row] = await t.database.ownerQuery<{ seq: string; at: Date; actor_email: string }>(
      'SELECT seq::text AS seq, at, actor_email FROM audit_event WHERE id = $1',
      [id],
    );
    expect(row?.seq).toBe('6');
    expect(row?.at.getFullYear()).toBeGreaterThan(2020);
    expect(row?.actor_email).toBe('admin@audit-1.example');
    expect((await verify(a.tenantId)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE by the app role (not granted), and its writes to the chain head', async () => {
    const scope = { tenantId: a.tenantId, userId: a.adminUserId };
    expect(
      await sqlState(
        withTenant(t.db, scope, (tx) =>
          tx.auditEvent.update({ where: { id: a.auditEventId }, data: { action: 'rewritten' } }),
        ),
      ),
    ).toBe('42501');
    expect(
      await sqlState(
        withTenant(t.db, scope, (tx) => tx.auditEvent.deleteMany({ where: { tenantId: a.tenantId } })),
      ),
    ).toBe('42501');
    expect(
      await sqlState(withTenant(t.db, scope, (tx) => tx.$executeRawUnsafe('TRUNCATE audit_event'))),
    ).toBe('42501');
    expect(
      await sqlState(
        withTenant(
          t.db,
          scope,
          (tx) => tx.$executeRaw`UPDATE audit_chain_head SET seq = 1 WHERE tenant_id = ${a.tenantId}::uuid`,
        ),
      ),
    ).toBe('42501');
    expect((await verify(a.tenantId)).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE by the owner too, unless the guard trigger is disabled on purpose', async () => {
    await expect(
      t.database.ownerQuery(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [a.auditEventId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.database.ownerQuery('DELETE FROM audit_event WHERE id = $1', [a.auditEventId]),
    ).rejects.toThrow(/append-only/);
  });

  it('finds an altered row and names it', async () => {
    const tenant = await freshTenant();
    const [victim] = await t.database.ownerQuery<{ id: string }>(
      'SELECT id::text AS id FROM audit_event WHERE tenant_id = $1 AND seq = 3',
      [tenant.tenantId],
    );
    await asOwnerAroundGuard(
      `UPDATE audit_event SET details = '{"note": "nothing happened"}' WHERE id = $1`,
      [victim?.id],
    );
    const result = await verify(tenant.tenantId);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'altered', seq: '3', id: victim?.id })]);
    expect(result.problems[0]?.detail).toContain(`seq 3 (id ${victim?.id}`);
  });

  it('finds an altered row whose hash was recomputed: the next row no longer links to it', async () => {
    const tenant = await freshTenant();
    await asOwnerAroundGuard(
      `UPDATE audit_event e SET actor_email = 'innocent@example.cn' WHERE tenant_id = $1 AND seq = 2;
       `.trim(),
      [tenant.tenantId],
    );
    await asOwnerAroundGuard(
      'UPDATE audit_event e SET hash = app_audit_hash(e) WHERE tenant_id = $1 AND seq = 2',
      [tenant.tenantId],
    );
    const result = await verify(tenant.tenantId);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'relinked', seq: '3' })]);
  });

  it('finds a deleted row in the middle and at the end', async () => {
    const tenant = await freshTenant();
    await asOwnerAroundGuard('DELETE FROM audit_event WHERE tenant_id = $1 AND seq = 2', [tenant.tenantId]);
    expect((await verify(tenant.tenantId)).problems).toEqual([
      expect.objectContaining({ kind: 'missing', seq: '2' }),
    ]);
    await asOwnerAroundGuard('DELETE FROM audit_event WHERE tenant_id = $1 AND seq >= 4', [tenant.tenantId]);
    const result = await verify(tenant.tenantId);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'missing', seq: '2' }),
      expect.objectContaining({ kind: 'missing', seq: '4-5' }),
    ]);
    expect(result.problems[1]?.detail).toMatch(/missing at the end/);
  });

  it('keeps one gapless chain per tenant under concurrent writers of two tenants', async () => {
    const x = await freshTenant();
    const y = await freshTenant();
    const pool = t.database.openDb({ poolMax: 6 });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => record(pool, i % 2 === 0 ? x : y, `concurrent.${i}`)),
    );
    for (const tenant of [x, y]) {
      const result = await verify(tenant.tenantId);
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({ ok: true, rows: 25, head: { seq: '25' } });
    }
  });

  it('leaves the chain untouched by a rolled-back transaction, an idempotent re-insert and a multi-row insert', async () => {
    const tenant = await freshTenant();
    await expect(
      withTenant(t.db, { tenantId: tenant.tenantId, userId: tenant.adminUserId }, async (tx) => {
        await tx.auditEvent.create({
          data: { tenantId: tenant.tenantId, action: 'doomed', targetType: 'x', outcome: 'success' },
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // What the workflows' audit activity does on a retry: INSERT ... ON CONFLICT DO NOTHING with the same id.
    const id = randomUUID();
    const insertOnce = () =>
      withTenant(t.db, { tenantId: tenant.tenantId }, (tx) =>
        tx.auditEvent.createMany({
          data: [
            {
              id,
              tenantId: tenant.tenantId,
              action: 'tenant.provision',
              targetType: 'tenant',
              outcome: 'success',
            },
          ],
          skipDuplicates: true,
        }),
      );
    expect((await insertOnce()).count).toBe(1);
    expect((await insertOnce()).count).toBe(0);
    await withTenant(t.db, { tenantId: tenant.tenantId }, (tx) =>
      tx.auditEvent.createMany({
        data: ['a', 'b', 'c'].map((x) => ({
          tenantId: tenant.tenantId,
          action: `bulk.${x}`,
          targetType: 'x',
          outcome: 'success',
        })),
      }),
    );
    expect(await verify(tenant.tenantId)).toMatchObject({ ok: true, rows: 9, head: { seq: '9' } });
  });

  it('is what `npm run audit:verify` runs: exit 0 when intact, 1 naming the altered row', async () => {
    if (t.kind !== 'postgres') return; // the command connects to a server (PGlite allows one process per folder)
    const tenant = await freshTenant();
    const run = () =>
      spawnSync('npx', ['tsx', 'bin/audit-verify.ts', '--tenant', tenant.slug], {
        cwd: packageDir,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_OWNER_URL: t.database.ownerUrl },
      });
    const intact = run();
    expect(intact.stdout).toMatch(new RegExp(`^ok\\s+${tenant.slug} .*5 rows, head seq 5`, 'm'));
    expect(intact.status).toBe(0);
    const [victim] = await t.database.ownerQuery<{ id: string }>(
      'SELECT id::text AS id FROM audit_event WHERE tenant_id = $1 AND seq = 4',
      [tenant.tenantId],
    );
    await asOwnerAroundGuard(`UPDATE audit_event SET source_ip = '203.0.113.9' WHERE id = $1`, [victim?.id]);
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`altered: row seq 4 (id ${victim?.id}`);
  }, 60_000);
});
