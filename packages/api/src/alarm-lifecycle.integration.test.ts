/**
 * Alarms through the API: rules created, edited, enabled and refused with the bad field named; alarms raised as
 * ingest does (raiseAlarm / clearAlarm), then acknowledged, commented, shelved and unshelved by people, each step
 * one history row and one audit row; the active / shelved / history views; plant scope for a member limited to
 * one plant. PostgreSQL and PGlite.
 */
import { tenantIdForSlug, withTenant } from '@ingot/db';
import { clearAlarm, raiseAlarm, ruleOpenKey, seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, EAST, EAST_ADMIN, EAST_PLANNER, type TCaller } from './test-support/demo-callers.ts';

const A = tenantIdForSlug(EAST);

async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; field: string | null; message: string }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause as { field?: string; issues?: Array<{ path: PropertyKey[] }> } | undefined;
    const field = cause?.field ?? cause?.issues?.[0]?.path.map(String).join('.') ?? null;
    return { code: e.code, field, message: e.message };
  }
  throw new Error('expected the call to fail, it succeeded');
}

describeEachDatabase('alarm rules and the alarm lifecycle', (t) => {
  let admin: TCaller;
  let planner: TCaller;
  let plants: Record<string, string>;
  const rp = () => plants.RP as string;
  const ep = () => plants.EP as string;

  /** What ingest does when a rule's condition holds: raise under the rule's key. */
  const raiseFor = (
    rule: { id: string; plantId: string; equipment: string; tag: string | null },
    value: number,
  ) =>
    withTenant(t.db, { tenantId: A }, (tx) =>
      raiseAlarm(tx, {
        tenantId: A,
        plantId: rule.plantId,
        source: 'rule',
        openKey: ruleOpenKey(rule.id),
        ruleId: rule.id,
        equipment: rule.equipment,
        tag: rule.tag,
        severity: 'high',
        message: 'bearing temperature high',
        value,
        at: new Date(),
      }),
    );
  const clearFor = (ruleId: string, value: number) =>
    withTenant(t.db, { tenantId: A }, (tx) =>
      clearAlarm(tx, { tenantId: A, openKey: ruleOpenKey(ruleId), at: new Date(), value }),
    );
  const auditActions = (targetId: string) =>
    withTenant(t.db, { tenantId: A }, (tx) =>
      tx.auditEvent.findMany({ where: { tenantId: A, targetId }, orderBy: { seq: 'asc' } }),
    ).then((rows) => rows.map((r) => r.action));

  beforeAll(async () => {
    const seeded = await seedDemoTenant(t.db);
    plants = seeded.tenants[EAST]?.plants ?? {};
    admin = callerFor(t.db, EAST_ADMIN, EAST);
    planner = callerFor(t.db, EAST_PLANNER, EAST);
  });

  it('creates, lists, updates and disables rules; settings foreign to the kind are not kept', async () => {
    const high = await admin.alarm.rule.create({
      plantId: rp(),
      name: '1#冷轧机轴承温度高',
      equipment: 'CM-1',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 85,
      deadband: 3,
      onDelaySeconds: 10,
      severity: 'high',
      triggerStates: ['fault'],
    });
    expect(high).toMatchObject({
      kind: 'high',
      threshold: 85,
      deadband: 3,
      triggerStates: [],
      enabled: true,
    });
    const state = await admin.alarm.rule.create({
      plantId: rp(),
      name: 'CM-1 fault',
      equipment: 'CM-1',
      tag: 'bearing_temp',
      kind: 'state_change',
      triggerStates: ['fault'],
      threshold: 5,
      severity: 'critical',
    });
    expect(state).toMatchObject({ tag: null, threshold: null, triggerStates: ['fault'] });
    const updated = await admin.alarm.rule.update({
      id: high.id,
      name: high.name,
      equipment: 'CM-1',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 88,
      deadband: 2,
      severity: 'critical',
    });
    expect(updated).toMatchObject({ threshold: 88, deadband: 2, severity: 'critical' });
    const ids = (await admin.alarm.rule.list({ plantId: rp() })).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([high.id, state.id]));
    await admin.alarm.rule.setEnabled({ id: state.id, enabled: false });
    expect((await admin.alarm.rule.list({ enabled: false })).map((r) => r.id)).toContain(state.id);
    expect(await auditActions(high.id)).toEqual(['alarm.rule.create', 'alarm.rule.update']);
  });

  it('refuses a bad rule naming the field, and stores nothing', async () => {
    const before = (await admin.alarm.rule.list({})).length;
    const base = { plantId: rp(), name: 'bad', equipment: 'CM-1', tag: 'bearing_temp' };
    expect(await failure(admin.alarm.rule.create({ ...base, kind: 'high' }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'threshold',
    });
    expect(await failure(admin.alarm.rule.create({ ...base, kind: 'rate_of_change' }))).toMatchObject({
      field: 'ratePerMinute',
    });
    expect(await failure(admin.alarm.rule.create({ ...base, kind: 'stale' }))).toMatchObject({
      field: 'staleAfterSeconds',
    });
    expect(
      await failure(admin.alarm.rule.create({ ...base, kind: 'state_change', triggerStates: [] })),
    ).toMatchObject({ field: 'triggerStates' });
    expect(
      await failure(admin.alarm.rule.create({ ...base, kind: 'low', threshold: 1, deadband: -1 })),
    ).toMatchObject({ field: 'deadband' });
    expect(
      await failure(admin.alarm.rule.create({ ...base, kind: 'low', tag: null, threshold: 1 })),
    ).toMatchObject({ field: 'tag' });
    expect((await admin.alarm.rule.list({})).length).toBe(before);
  });

  it('walks an alarm through raise, acknowledge, comment and clear to closed, every step in its history', async () => {
    const rule = await admin.alarm.rule.create({
      plantId: rp(),
      name: 'CM-2 bearing',
      equipment: 'CM-2',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 85,
      severity: 'high',
    });
    const raised = await raiseFor(rule, 90);
    expect(raised.outcome).toBe('raised');
    expect((await raiseFor(rule, 92)).outcome).toBe('updated');
    const active = await admin.alarm.list({ view: 'active', plantId: rp() });
    const row = active.items.find((a) => a.id === raised.alarmId);
    expect(row).toMatchObject({ state: 'active_unacked', value: 92, equipment: 'CM-2', tag: 'bearing_temp' });

    const acked = await admin.alarm.ack({ id: raised.alarmId, comment: '已通知维修' });
    expect(acked.state).toBe('active_acked');
    expect(await failure(admin.alarm.ack({ id: raised.alarmId }))).toMatchObject({
      code: 'CONFLICT',
      field: 'id',
    });
    await admin.alarm.comment({ id: raised.alarmId, text: '轴承润滑油压偏低' });
    expect((await clearFor(rule.id, 80)).outcome).toBe('closed');

    const detail = await admin.alarm.get({ id: raised.alarmId });
    expect(detail).toMatchObject({ state: 'closed', ruleName: 'CM-2 bearing', value: 80 });
    expect(detail.events.map((e) => e.kind)).toEqual([
      'raised',
      'acknowledged',
      'comment',
      'cleared',
      'closed',
    ]);
    const ack = detail.events.find((e) => e.kind === 'acknowledged');
    expect(ack?.text).toBe('已通知维修');
    expect(ack?.userName).toBeTruthy();
    expect(detail.events.find((e) => e.kind === 'raised')?.userId).toBeNull();

    const history = await admin.alarm.list({ view: 'history', plantId: rp() });
    expect(history.items.map((a) => a.id)).toContain(raised.alarmId);
    expect((await admin.alarm.list({ view: 'active' })).items.map((a) => a.id)).not.toContain(raised.alarmId);
    expect(await auditActions(raised.alarmId)).toEqual(['alarm.ack', 'alarm.comment']);
    // The key is free again: the next excursion is a new alarm.
    const again = await raiseFor(rule, 95);
    expect(again.outcome).toBe('raised');
    expect(again.alarmId).not.toBe(raised.alarmId);
  });

  it('acknowledging a cleared alarm closes it; shelving hides an open alarm until unshelved', async () => {
    const rule = await admin.alarm.rule.create({
      plantId: rp(),
      name: 'FM-1 bearing',
      equipment: 'FM-1',
      tag: 'bearing_temp',
      kind: 'high',
      threshold: 80,
    });
    const r = await raiseFor(rule, 81);
    await admin.alarm.shelve({ id: r.alarmId, minutes: 30, reason: '传感器待更换' });
    expect((await admin.alarm.list({ view: 'active' })).items.map((a) => a.id)).not.toContain(r.alarmId);
    const shelved = (await admin.alarm.list({ view: 'shelved' })).items.find((a) => a.id === r.alarmId);
    expect(shelved?.shelvedUntil?.getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    await admin.alarm.unshelve({ id: r.alarmId });
    expect((await admin.alarm.list({ view: 'active' })).items.map((a) => a.id)).toContain(r.alarmId);
    expect(await failure(admin.alarm.unshelve({ id: r.alarmId }))).toMatchObject({ code: 'CONFLICT' });

    expect((await clearFor(rule.id, 70)).outcome).toBe('cleared');
    expect((await admin.alarm.ack({ id: r.alarmId })).state).toBe('closed');
    const detail = await admin.alarm.get({ id: r.alarmId });
    expect(detail.events.map((e) => e.kind)).toEqual([
      'raised',
      'shelved',
      'unshelved',
      'cleared',
      'acknowledged',
      'closed',
    ]);
    expect(detail.events[1]?.text).toBe('传感器待更换');
    expect(await failure(admin.alarm.shelve({ id: r.alarmId, minutes: 5, reason: 'x' }))).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('disabling a rule clears its open alarm', async () => {
    const rule = await admin.alarm.rule.create({
      plantId: rp(),
      name: 'CM-1 roll force',
      equipment: 'CM-1',
      tag: 'roll_force',
      kind: 'high',
      threshold: 20,
    });
    const r = await raiseFor(rule, 25);
    await admin.alarm.rule.setEnabled({ id: rule.id, enabled: false });
    expect((await admin.alarm.get({ id: r.alarmId })).state).toBe('cleared_unacked');
  });

  it('filters by severity and time range and pages', async () => {
    const since = new Date(Date.now() - 60_000);
    const page = await admin.alarm.list({ view: 'active', severity: ['high'], from: since, limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items.every((a) => a.severity === 'high')).toBe(true);
    expect(page.total).toBeGreaterThan(1);
    expect(page.nextCursor).toBe(1);
    const none = await admin.alarm.list({ view: 'active', from: new Date(Date.now() + 3_600_000) });
    expect(none.items).toEqual([]);
  });

  it('limits a member to their plants: rules and alarms of other plants are invisible and untouchable', async () => {
    const epRule = await admin.alarm.rule.create({
      plantId: ep(),
      name: 'EXP-1 pressure',
      equipment: 'EXP-1',
      tag: 'pressure',
      kind: 'high',
      threshold: 30,
    });
    const epAlarm = await raiseFor(epRule, 33);
    const rules = await planner.alarm.rule.list({});
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.plantId === rp())).toBe(true);
    const alarms = await planner.alarm.list({ view: 'active' });
    expect(alarms.items.every((a) => a.plantId === rp())).toBe(true);
    expect(alarms.items.map((a) => a.id)).not.toContain(epAlarm.alarmId);
    expect(await failure(planner.alarm.get({ id: epAlarm.alarmId }))).toMatchObject({ code: 'NOT_FOUND' });
    // The planner may read alarms but neither manage rules nor acknowledge.
    expect(await failure(planner.alarm.rule.setEnabled({ id: epRule.id, enabled: false }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await failure(planner.alarm.ack({ id: epAlarm.alarmId }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
