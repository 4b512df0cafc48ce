/**
 * Alarm rules evaluated on the real path: an MQTT client publishing as a registered connector -> the embedded
 * broker (aedes) -> ingest -> chDB, then the evaluator on the committed batches -> alarms in PostgreSQL. A
 * threshold crossing raises exactly one alarm, the deadband keeps it from chattering, falling below
 * threshold - deadband clears it; a rule edited in the database applies within the refresh; a stale-data rule
 * fires on the timer and clears on data, also for a plant this process has received nothing from; a state change into `fault` fires; a connector's spool-overflow alarm
 * is raised and cleared; another tenant's rule never sees these points.
 */
import { alarmTopic, telemetryTopic } from '@ingot/contracts';
import { withTenant } from '@ingot/db';
import type { TelemetryStore } from '@ingot/telemetry';
import type { TestDatabase } from '@ingot/testing';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf } from '../broker-auth/acl.ts';
import { memoryLogger } from '../logger.ts';
import { memoryDeadLetterSink } from '../pipeline/dead-letter.ts';
import { startEmbeddedIngest, type TEmbeddedIngest } from '../start-embedded-ingest.ts';
import {
  addConnector,
  openSeededDatabase,
  openTestStore,
  publishAcked,
  type TTestConnector,
  tryConnect,
} from '../test-support/fixtures.ts';
import { AlarmEvaluator } from './alarm-evaluator.ts';

const EAST = 'east-china-al';
const JN = 'jiangnan-copper';

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('alarm evaluation in ingest (aedes, PostgreSQL, chDB)', () => {
  let database: TestDatabase;
  let store: TelemetryStore;
  let ingest: TEmbeddedIngest;
  let a: TTestConnector; // east-china-al / RP
  let j: TTestConnector; // jiangnan-copper
  let client: MqttClient;
  let seq = 0;
  const rules: Record<string, string> = {};
  const log = memoryLogger();

  const createRule = (c: TTestConnector, name: string, data: Record<string, unknown>) =>
    withTenant(database.db, { tenantId: c.identity.tenantId }, (tx) =>
      tx.alarmRule.create({
        data: {
          tenantId: c.identity.tenantId,
          plantId: c.identity.plantId,
          name,
          equipment: 'CM-1',
          kind: 'high',
          severity: 'high',
          ...data,
        },
      }),
    ).then((r) => {
      rules[name] = r.id;
      return r;
    });

  const alarmsOf = (c: TTestConnector, where: Record<string, unknown> = {}) =>
    withTenant(database.db, { tenantId: c.identity.tenantId }, (tx) =>
      tx.alarm.findMany({
        where: { tenantId: c.identity.tenantId, ...where },
        include: { events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
        orderBy: { raisedAt: 'asc' },
      }),
    );

  /** Publishes one batch of `values` (one second apart, ending now) of equipment/tag; resolves after evaluation. */
  async function publish(equipment: string, tag: string, values: Array<number | string>): Promise<void> {
    seq += 1;
    const t0 = Date.now() - values.length * 1000;
    const payload = JSON.stringify({
      v: 1,
      connectorId: a.identity.connectorCode,
      batchSeq: seq,
      createdAt: Date.now(),
      points: values.map((value, i) => ({ equipment, tag, ts: t0 + i * 1000, value, quality: 'good' })),
    });
    const r = await publishAcked(client, telemetryTopic(addressOf(a.identity)), payload);
    expect(r).toEqual({ acked: true, reason: 'ok' });
    await ingest.alarms?.idle();
  }

  beforeAll(async () => {
    database = await openSeededDatabase();
    store = openTestStore();
    await store.ensureSchema();
    const jnPlant = (
      await database.ownerQuery<{ code: string }>(
        'SELECT p.code FROM plant p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = $1 ORDER BY p.code LIMIT 1',
        [JN],
      )
    )[0]?.code as string;
    a = await addConnector(database, EAST, 'RP', 'edge-alarms');
    j = await addConnector(database, JN, jnPlant, 'edge-jn');
    await createRule(a, 'bearing', { tag: 'bearing_temp', threshold: 85, deadband: 3 });
    await createRule(a, 'fault', { kind: 'state_change', triggerStates: ['fault'], severity: 'critical' });
    await createRule(a, 'gauge-stale', {
      equipment: 'CM-2',
      tag: 'exit_thickness',
      kind: 'stale',
      staleAfterSeconds: 2,
    });
    // The other tenant watches the same equipment and tag with a limit every one of A's points exceeds.
    await createRule(j, 'jn-bearing', { tag: 'bearing_temp', threshold: 1, deadband: 0 });
    ingest = await startEmbeddedIngest({
      db: database.db,
      store,
      deadLetters: memoryDeadLetterSink(),
      log,
      port: 0,
      batching: { maxDelayMs: 20 },
      alarms: { refreshMs: 300, staleCheckMs: 250 },
    });
    const conn = await tryConnect(ingest.broker.url, {
      protocolVersion: 4,
      clientId: a.identity.username,
      username: a.identity.username,
      password: a.password,
    });
    if (!conn.ok) throw new Error(conn.error);
    client = conn.client;
  }, 120_000);

  afterAll(async () => {
    client?.end(true);
    await ingest?.close();
    await store?.close();
    await database?.close();
  });

  it('raises exactly one alarm on a threshold crossing; the deadband keeps it from chattering; below it clears', async () => {
    await publish('CM-1', 'bearing_temp', [80, 86, 90, 84, 86, 83]);
    await publish('CM-1', 'bearing_temp', [84, 87, 82.5]);
    let alarms = await alarmsOf(a, { ruleId: rules.bearing });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      state: 'active_unacked',
      source: 'rule',
      equipment: 'CM-1',
      tag: 'bearing_temp',
    });
    expect(alarms[0]?.events.map((e) => [e.kind, e.value])).toEqual([['raised', 86]]);
    await publish('CM-1', 'bearing_temp', [81.5]);
    alarms = await alarmsOf(a, { ruleId: rules.bearing });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.state).toBe('cleared_unacked');
    expect(alarms[0]?.events.map((e) => [e.kind, e.value])).toEqual([
      ['raised', 86],
      ['cleared', 81.5],
    ]);
  });

  it('applies a rule edited in the database within the refresh interval', async () => {
    await withTenant(database.db, { tenantId: a.identity.tenantId }, (tx) =>
      tx.alarmRule.update({ where: { id: rules.bearing }, data: { threshold: 95 } }),
    );
    await new Promise((r) => setTimeout(r, 400));
    await publish('CM-1', 'bearing_temp', [92]);
    expect((await alarmsOf(a, { ruleId: rules.bearing }))[0]?.state).toBe('cleared_unacked');
    await publish('CM-1', 'bearing_temp', [96]);
    const alarms = await alarmsOf(a, { ruleId: rules.bearing });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.state).toBe('active_unacked');
    expect(alarms[0]?.events.map((e) => e.kind)).toEqual(['raised', 'cleared', 'returned']);
  });

  it('raises on a state change into fault and clears when the equipment leaves it', async () => {
    await publish('CM-1', 'state', ['running', 'fault']);
    let alarms = await alarmsOf(a, { ruleId: rules.fault });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ state: 'active_unacked', severity: 'critical' });
    await publish('CM-1', 'state', ['running']);
    alarms = await alarmsOf(a, { ruleId: rules.fault });
    expect(alarms[0]?.state).toBe('cleared_unacked');
  });

  it('fires a stale-data rule on the timer when the tag stops, and clears it when data comes back', async () => {
    // Data now: whatever the rule said before (the tag had never been seen), it is not active after this.
    await publish('CM-2', 'exit_thickness', [1.2]);
    expect((await alarmsOf(a, { ruleId: rules['gauge-stale'] }))[0]?.state ?? 'none').not.toBe(
      'active_unacked',
    );
    const stale = await eventually(
      () => alarmsOf(a, { ruleId: rules['gauge-stale'] }),
      (rows) => rows[0]?.state === 'active_unacked',
    );
    expect(stale).toHaveLength(1);
    expect(stale[0]?.state).toBe('active_unacked');
    await publish('CM-2', 'exit_thickness', [1.21]);
    const cleared = await alarmsOf(a, { ruleId: rules['gauge-stale'] });
    expect(cleared).toHaveLength(1);
    expect(cleared[0]?.state).toBe('cleared_unacked');
    expect(cleared[0]?.events.at(-1)?.kind).toBe('cleared');
  });

  it('watches stale-data rules of a plant from which it has received nothing since it started', async () => {
    const rule = await createRule(a, 'silent-stale', {
      equipment: 'CM-7',
      tag: 'speed',
      kind: 'stale',
      staleAfterSeconds: 1,
    });
    // A fresh evaluator (an ingest just restarted) that has judged no batch: it only knows the plant from the
    // cross-tenant lookup of plants with stale-data rules.
    const fresh = new AlarmEvaluator({ db: database.db, store, log, refreshMs: 100 });
    await new Promise((r) => setTimeout(r, 1200));
    await fresh.checkStale();
    const alarms = await alarmsOf(a, { ruleId: rule.id });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ state: 'active_unacked', equipment: 'CM-7', tag: 'speed' });
    expect(fresh.counters.failures).toBe(0);
    await fresh.stop();
    await withTenant(database.db, { tenantId: a.identity.tenantId }, (tx) =>
      tx.alarmRule.update({ where: { id: rule.id }, data: { enabled: false } }),
    );
  });

  it("turns a connector's spool-overflow alarm into an alarm, raised then cleared", async () => {
    const send = async (state: 'raised' | 'cleared') => {
      const payload = JSON.stringify({
        v: 1,
        connectorId: a.identity.connectorCode,
        ts: Date.now(),
        code: 'spool-overflow',
        severity: 'critical',
        state,
        subject: '',
        message: 'spool full: dropping oldest points',
        details: {},
      });
      expect((await publishAcked(client, alarmTopic(addressOf(a.identity)), payload)).acked).toBe(true);
    };
    await send('raised');
    await send('raised');
    const key = `connector:${a.identity.connectorId}:spool-overflow`;
    const raised = await eventually(
      () => alarmsOf(a, { source: 'connector' }),
      (rows) => rows.length > 0,
    );
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ openKey: key, severity: 'critical', state: 'active_unacked' });
    await send('cleared');
    const cleared = await eventually(
      () => alarmsOf(a, { source: 'connector' }),
      (rows) => rows[0]?.state === 'cleared_unacked',
    );
    expect(cleared[0]?.events.map((e) => e.kind)).toEqual(['raised', 'cleared']);
  });

  it('two replicas judging the same batch at once open one alarm', async () => {
    const rule = await createRule(a, 'roll-force', { tag: 'roll_force', threshold: 20, deadband: 1 });
    const replicas = [1, 2].map(() => new AlarmEvaluator({ db: database.db, store, log }));
    const now = Date.now();
    const batch = {
      identity: a.identity,
      points: [21, 22, 23].map((value, i) => ({
        plantId: a.identity.plantId,
        connectorId: a.identity.connectorId,
        equipment: 'CM-1',
        tag: 'roll_force',
        ts: now - 3000 + i * 1000,
        value,
        quality: 'good' as const,
      })),
      states: [],
    };
    await Promise.all(replicas.map((r) => r.onStored(batch)));
    const alarms = await alarmsOf(a, { ruleId: rule.id });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.events.map((e) => e.kind)).toEqual(['raised']);
    expect(replicas.map((r) => r.counters.failures)).toEqual([0, 0]);
    await Promise.all(replicas.map((r) => r.stop()));
  });

  it("never lets another tenant's rule see these points", async () => {
    expect(await alarmsOf(j)).toEqual([]);
    expect(ingest.alarms?.counters.failures).toBe(0);
  });
});
