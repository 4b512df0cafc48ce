/**
 * Alarm rules and alarms for the alarm suites and the API-wide sweeps: one rule and one raised alarm per demo
 * tenant (east-china-al plant RP, jiangnan-copper plant CSP), written inside the tenant's own transaction.
 */
import { type Db, tenantIdForSlug, withTenant } from '@ingot/db';
import { raiseAlarm, ruleOpenKey } from '@ingot/domain';
import type { TSweepExtension } from './sweep-extension.ts';

/** A high-temperature rule on `equipment` and an open alarm raised by it; ids of both. */
export async function seedAlarmFixture(
  db: Db,
  slug: string,
  plantCode: string,
  equipment: string,
): Promise<{ plant: string; rule: string; alarm: string }> {
  const tenantId = tenantIdForSlug(slug);
  return withTenant(db, { tenantId }, async (tx) => {
    const plant = await tx.plant.findFirst({ where: { tenantId, code: plantCode } });
    if (!plant) throw new Error(`no plant ${plantCode} in ${slug}`);
    const rule = await tx.alarmRule.create({
      data: {
        tenantId,
        plantId: plant.id,
        name: `${equipment} bearing temperature high`,
        equipment,
        tag: 'bearing_temp',
        kind: 'high',
        threshold: 85,
        deadband: 3,
        severity: 'high',
        message: `${equipment} bearing hot`,
      },
    });
    const raised = await raiseAlarm(tx, {
      tenantId,
      plantId: plant.id,
      source: 'rule',
      openKey: ruleOpenKey(rule.id),
      ruleId: rule.id,
      equipment,
      tag: 'bearing_temp',
      severity: 'high',
      message: rule.message,
      value: 91.5,
      at: new Date(),
    });
    return { plant: plant.id, rule: rule.id, alarm: raised.alarmId };
  });
}

const validRule = (plantId: string) => ({
  plantId,
  name: 'hijack',
  equipment: 'CM-1',
  tag: 'bearing_temp',
  kind: 'high',
  threshold: 90,
});

/** The alarm.* procedures in the API-wide sweeps (see sweep-extension.ts). */
export const alarmSweep: TSweepExtension = {
  name: 'alarm',
  seed: async (db) => {
    const a = await seedAlarmFixture(db, 'east-china-al', 'RP', 'CM-1');
    const b = await seedAlarmFixture(db, 'jiangnan-copper', 'CSP', 'CM-1');
    return { a: { alarmRule: a.rule, alarm: a.alarm }, b: { alarmRule: b.rule, alarm: b.alarm } };
  },
  cases: (_a, b, pass) => {
    const { plantId: _p, ...settings } = validRule(b.plant);
    return [
      { path: 'alarm.rule.list', input: {}, expect: 'ok' },
      { path: 'alarm.rule.list', input: { plantId: b.plant }, expect: 'ok' },
      {
        path: 'alarm.rule.create',
        input: { ...validRule(b.plant), name: `hijack-${pass}` },
        expect: 'reject',
      },
      { path: 'alarm.rule.update', input: { id: b.alarmRule, ...settings }, expect: 'reject' },
      { path: 'alarm.rule.setEnabled', input: { id: b.alarmRule, enabled: false }, expect: 'reject' },
      { path: 'alarm.list', input: {}, expect: 'ok' },
      { path: 'alarm.list', input: { view: 'history', plantId: b.plant }, expect: 'ok' },
      { path: 'alarm.get', input: { id: b.alarm }, expect: 'reject' },
      { path: 'alarm.ack', input: { id: b.alarm }, expect: 'reject' },
      { path: 'alarm.shelve', input: { id: b.alarm, minutes: 60, reason: 'hijack' }, expect: 'reject' },
      { path: 'alarm.unshelve', input: { id: b.alarm }, expect: 'reject' },
      { path: 'alarm.comment', input: { id: b.alarm, text: `hijack-${pass}` }, expect: 'reject' },
    ];
  },
  badInputs: (ids) => {
    const id = '00000000-0000-4000-8000-000000000000';
    const { plantId: _p, ...settings } = validRule(ids.plant);
    return [
      { path: 'alarm.rule.list', input: { plantId: 'rolling' }, field: 'plantId' },
      {
        path: 'alarm.rule.create',
        input: { ...validRule(ids.plant), threshold: undefined },
        field: 'threshold',
      },
      { path: 'alarm.rule.update', input: { id, ...settings, severity: 'urgent' }, field: 'severity' },
      { path: 'alarm.rule.setEnabled', input: { id, enabled: 'yes' }, field: 'enabled' },
      { path: 'alarm.list', input: { view: 'everything' }, field: 'view' },
      { path: 'alarm.get', input: { id: 'alarm-1' }, field: 'id' },
      { path: 'alarm.ack', input: { id: 42 }, field: 'id' },
      { path: 'alarm.shelve', input: { id, minutes: 0, reason: 'maintenance' }, field: 'minutes' },
      { path: 'alarm.unshelve', input: { id: '' }, field: 'id' },
      { path: 'alarm.comment', input: { id, text: '   ' }, field: 'text' },
    ];
  },
};
