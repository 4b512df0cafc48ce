/**
 * The audit trail through the API: each mutation leaves exactly one row (actor, action, target, outcome, request
 * id, source address); tenant administrators search it (time range, actor, action, target), page through it and
 * export it as CSV (the export itself recorded); nobody else reads it; the chain verifies afterwards.
 */
import { randomUUID } from 'node:crypto';
import { tenantIdForSlug, verifyAuditChain } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { callProcedure } from './test-support/call-procedure.ts';
import {
  callerFor,
  EAST,
  EAST_ADMIN,
  EAST_PLANNER,
  JIANGNAN,
  JIANGNAN_ADMIN,
} from './test-support/demo-callers.ts';

describeEachDatabase('audit trail through the API', (t) => {
  const requests: Array<{ requestId: string; action: string }> = [];
  let plantId = '';
  let startedAt: Date;

  /** A caller whose every call carries a fresh request id, remembered with the action it performs. */
  const adminCall = async <T>(action: string, fn: (c: ReturnType<typeof callerFor>) => Promise<T>) => {
    const requestId = randomUUID();
    requests.push({ requestId, action });
    return fn(callerFor(t.db, EAST_ADMIN, EAST, { requestId, sourceIp: '198.51.100.23' }));
  };

  beforeAll(async () => {
    await seedDemoTenant(t.db);
    startedAt = new Date();
    const plant = await adminCall('plant.create', (c) =>
      c.plant.create({ code: 'AUD-1', name: '审计测试厂' }),
    );
    plantId = plant.id;
    await adminCall('plant.update', (c) => c.plant.update({ id: plantId, name: '审计测试厂（改）' }));
    const area = await adminCall('area.create', (c) => c.area.create({ plantId, code: 'A1', name: '熔铸' }));
    await adminCall('area.delete', (c) => c.area.delete({ id: area.id }));
    await adminCall('tenant.update', (c) => c.tenant.update({ defaultLocale: 'zh-CN' }));
  });

  it('writes exactly one row per mutation, with who, what, on what, from where and which request', async () => {
    for (const { requestId, action } of requests) {
      const rows = await t.database.ownerQuery<{
        action: string;
        actor_email: string;
        source_ip: string;
        outcome: string;
      }>('SELECT action, actor_email, source_ip, outcome FROM audit_event WHERE request_id = $1', [
        requestId,
      ]);
      expect(rows, action).toEqual([
        { action, actor_email: EAST_ADMIN, source_ip: '198.51.100.23', outcome: 'success' },
      ]);
    }
  });

  it('lists the tenant’s events newest first, with filters by action prefix, actor, target and time', async () => {
    const admin = callerFor(t.db, EAST_ADMIN, EAST);
    const all = await admin.audit.list({ filter: { from: startedAt } });
    expect(all.items.map((e) => e.action)).toEqual([
      'tenant.update',
      'area.delete',
      'area.create',
      'plant.update',
      'plant.create',
    ]);
    expect(all.items[0]).toMatchObject({
      actorEmail: EAST_ADMIN,
      outcome: 'success',
      sourceIp: '198.51.100.23',
    });
    const seqs = all.items.map((e) => BigInt(e.seq));
    expect([...seqs].sort((a, b) => (a > b ? -1 : 1))).toEqual(seqs);

    const plantEvents = await admin.audit.list({ filter: { action: 'plant', from: startedAt } });
    expect(plantEvents.items.map((e) => e.action)).toEqual(['plant.update', 'plant.create']);
    const onPlant = await admin.audit.list({ filter: { target: plantId } });
    expect(onPlant.items.map((e) => e.action)).toEqual(['plant.update', 'plant.create']);
    const byActor = await admin.audit.list({ filter: { actor: 'ADMIN@east-china', from: startedAt } });
    expect(byActor.items).toHaveLength(5);
    expect((await admin.audit.list({ filter: { actor: 'planner@', from: startedAt } })).items).toEqual([]);
    expect((await admin.audit.list({ filter: { to: startedAt, action: 'plant.update' } })).items).toEqual([]);
  });

  it('pages with a cursor without skipping or repeating', async () => {
    const admin = callerFor(t.db, EAST_ADMIN, EAST);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ seq: string }>; nextCursor: string | null } = await admin.audit.list({
        filter: {},
        cursor,
        limit: 2,
      });
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    const total = (await admin.audit.list({ limit: 200 })).items.length;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('exports the filtered trail as CSV and records the export', async () => {
    const admin = callerFor(t.db, EAST_ADMIN, EAST);
    const out = await admin.audit.export({ filter: { from: startedAt, action: 'plant' } });
    expect(out).toMatchObject({ rows: 2, truncated: false });
    const lines = out.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'seq,at,actor_email,actor_user_id,action,target_type,target_id,outcome,request_id,source_ip,details,hash',
    );
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['plant.create', 'plant.update']);
    const [recorded] = (await admin.audit.list({ filter: { action: 'audit.export' } })).items;
    expect(recorded).toMatchObject({ actorEmail: EAST_ADMIN, details: { rows: 2, action: 'plant' } });
  });

  it('shows nothing to a planner, and records the refused attempts; nothing of another tenant to its admin', async () => {
    const requestId = randomUUID();
    const planner = callerFor(t.db, EAST_PLANNER, EAST, { requestId, sourceIp: '203.0.113.9' });
    const refused = await callProcedure(planner, 'audit.list', {});
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : refused.code).toBe('FORBIDDEN');
    expect((await callProcedure(planner, 'audit.export', {})).ok).toBe(false);
    // Each refusal is a `denied` row in the tenant's trail: who, which permission, which procedure, from where.
    const denied = await callerFor(t.db, EAST_ADMIN, EAST).audit.list({ filter: { actor: EAST_PLANNER } });
    expect(
      denied.items.map((e) => [e.action, e.targetType, e.targetId, e.outcome, e.requestId, e.sourceIp]),
    ).toEqual([
      ['audit.export', 'procedure', 'audit.export', 'denied', requestId, '203.0.113.9'],
      ['audit.read', 'procedure', 'audit.list', 'denied', requestId, '203.0.113.9'],
    ]);
    const other = callerFor(t.db, JIANGNAN_ADMIN, JIANGNAN);
    const theirs = await other.audit.list({ filter: { target: plantId } });
    expect(theirs.items).toEqual([]);
  });

  it('leaves a chain that verifies', async () => {
    const result = await verifyAuditChain(t.database.ownerQuery, tenantIdForSlug(EAST));
    expect(result.problems).toEqual([]);
    expect(result.rows).toBeGreaterThan(5);
  });
});
