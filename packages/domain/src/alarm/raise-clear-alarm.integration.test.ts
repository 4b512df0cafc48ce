/**
 * raiseAlarm / clearAlarm against real PostgreSQL and PGlite: one open alarm per condition even under concurrent
 * raises, the ISA-18.2 return and clear transitions, idempotence, and the append-only history.
 */
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { describeEachDatabase } from '@ingot/testing';
import { beforeAll, expect, it } from 'vitest';
import { seedDemoTenant } from '../demo/seed-demo-tenant.ts';
import { clearAlarm } from './clear-alarm.ts';
import { raiseAlarm, type TRaiseAlarmInput } from './raise-alarm.ts';

const EAST = tenantIdForSlug('east-china-al');

describeEachDatabase('raiseAlarm / clearAlarm', (t) => {
  let plantId: string;
  const inTx = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { tenantId: EAST }, fn);
  const base = (openKey: string, at: Date, value: number): TRaiseAlarmInput => ({
    tenantId: EAST,
    plantId,
    source: 'spc',
    openKey,
    equipment: 'CM-1',
    tag: 'exit_thickness',
    severity: 'high',
    message: 'thickness out of control',
    value,
    at,
  });

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    plantId = Object.values(seeded.tenants['east-china-al']?.plants ?? {})[0] as string;
  });

  it('opens one alarm per key even when raised concurrently, and a re-raise only updates the value', async () => {
    const at = new Date('2026-11-29T08:00:00Z');
    const results = await Promise.all(
      [1, 2, 3, 4].map((v) => inTx((tx) => raiseAlarm(tx, base('spc:chart-1:rule-1', at, v)))),
    );
    expect(new Set(results.map((r) => r.alarmId)).size).toBe(1);
    expect(results.filter((r) => r.outcome === 'raised')).toHaveLength(1);
    const rows = await inTx((tx) =>
      tx.alarm.findMany({ where: { tenantId: EAST, openKey: 'spc:chart-1:rule-1' } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.state).toBe('active_unacked');
    const events = await inTx((tx) => tx.alarmEvent.findMany({ where: { alarmId: rows[0]?.id } }));
    expect(events.map((e) => e.kind)).toEqual(['raised']);
  });

  it('clears active_unacked to cleared_unacked, returns it on a new raise, and is idempotent', async () => {
    const key = 'spc:chart-2:rule-1';
    const t0 = new Date('2026-11-29T09:00:00Z');
    const raised = await inTx((tx) => raiseAlarm(tx, base(key, t0, 5)));
    const c1 = await inTx((tx) =>
      clearAlarm(tx, { tenantId: EAST, openKey: key, at: new Date(t0.getTime() + 60_000), value: 1 }),
    );
    expect(c1).toEqual({ alarmId: raised.alarmId, outcome: 'cleared' });
    const c2 = await inTx((tx) =>
      clearAlarm(tx, { tenantId: EAST, openKey: key, at: new Date(t0.getTime() + 61_000) }),
    );
    expect(c2.outcome).toBe('none');
    const back = await inTx((tx) => raiseAlarm(tx, base(key, new Date(t0.getTime() + 120_000), 6)));
    expect(back).toEqual({ alarmId: raised.alarmId, outcome: 'returned' });
    const row = await inTx((tx) => tx.alarm.findFirstOrThrow({ where: { id: raised.alarmId } }));
    expect(row.state).toBe('active_unacked');
    expect(row.clearedAt).toBeNull();
    expect(row.value).toBe(6);
    const events = await inTx((tx) =>
      tx.alarmEvent.findMany({ where: { alarmId: raised.alarmId }, orderBy: { at: 'asc' } }),
    );
    expect(events.map((e) => e.kind)).toEqual(['raised', 'cleared', 'returned']);
  });

  it('closes an acknowledged alarm on clear and frees the key for a new alarm', async () => {
    const key = 'connector:abc:spool-overflow';
    const t0 = new Date('2026-11-29T10:00:00Z');
    const first = await inTx((tx) => raiseAlarm(tx, { ...base(key, t0, 1), source: 'connector' }));
    await inTx((tx) =>
      tx.alarm.update({ where: { id: first.alarmId }, data: { state: 'active_acked', ackedAt: t0 } }),
    );
    const c = await inTx((tx) =>
      clearAlarm(tx, { tenantId: EAST, openKey: key, at: new Date(t0.getTime() + 1000) }),
    );
    expect(c.outcome).toBe('closed');
    const closed = await inTx((tx) => tx.alarm.findFirstOrThrow({ where: { id: first.alarmId } }));
    expect(closed).toMatchObject({ state: 'closed', openKey: null });
    const second = await inTx((tx) =>
      raiseAlarm(tx, { ...base(key, new Date(t0.getTime() + 5000), 2), source: 'connector' }),
    );
    expect(second.outcome).toBe('raised');
    expect(second.alarmId).not.toBe(first.alarmId);
  });

  it('never touches another tenant: a clear with the same key in another tenant finds nothing', async () => {
    const key = 'spc:chart-3:rule-1';
    await inTx((tx) => raiseAlarm(tx, base(key, new Date('2026-11-29T11:00:00Z'), 1)));
    const other = tenantIdForSlug('jiangnan-copper');
    const r = await withTenant(t.db, { tenantId: other }, (tx) =>
      clearAlarm(tx, { tenantId: other, openKey: key, at: new Date() }),
    );
    expect(r.outcome).toBe('none');
    const row = await inTx((tx) => tx.alarm.findFirstOrThrow({ where: { tenantId: EAST, openKey: key } }));
    expect(row.state).toBe('active_unacked');
  });
});
