/**
 * The embedded broker (aedes, MQTT 3.1.1) with ingest on its publish hook, against real PostgreSQL (connector
 * credentials via app_connector_credentials) and chDB: 20+ refused cases, each logged with its reason and
 * counted, with nothing stored; valid batches stored exactly once even when re-sent; heartbeats recorded.
 */
import { commandTopic, MAX_MESSAGE_BYTES, statusTopic, telemetryTopic } from '@ingot/contracts';
import type { TelemetryStore } from '@ingot/telemetry';
import type { TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf } from './broker-auth/acl.ts';
import { memoryLogger } from './logger.ts';
import { memoryDeadLetterSink } from './pipeline/dead-letter.ts';
import { startEmbeddedIngest, type TEmbeddedIngest } from './start-embedded-ingest.ts';
import {
  addConnector,
  countPoints,
  openSeededDatabase,
  openTestStore,
  publishAcked,
  type TTestConnector,
  telemetryPayload,
  tryConnect,
} from './test-support/fixtures.ts';

const EAST = 'east-china-al';
const JN = 'jiangnan-copper';

describe('embedded broker + ingest (aedes, PostgreSQL, chDB)', () => {
  let database: TestDatabase;
  let store: TelemetryStore;
  let ingest: TEmbeddedIngest;
  const log = memoryLogger();
  const dead = memoryDeadLetterSink();
  let a: TTestConnector; // east-china-al / RP / edge-a
  let b: TTestConnector; // east-china-al / RP / edge-b (same plant)
  let x: TTestConnector; // east-china-al / EP / edge-x (other plant)
  let j: TTestConnector; // jiangnan-copper / first plant / edge-j (other tenant)
  let revoked: TTestConnector;
  let noCreds: TTestConnector;
  const SERVICE = { username: 'ingot-ingest', password: 'service-password-0123456789' };

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
    const eastPlants = (
      await database.ownerQuery<{ code: string }>(
        'SELECT p.code FROM plant p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = $1 ORDER BY p.code',
        [EAST],
      )
    ).map((r) => r.code);
    const [p1, p2] = eastPlants as [string, string];
    a = await addConnector(database, EAST, p1, 'edge-a');
    b = await addConnector(database, EAST, p1, 'edge-b');
    x = await addConnector(database, EAST, p2, 'edge-x');
    j = await addConnector(database, JN, jnPlant, 'edge-j');
    revoked = await addConnector(database, EAST, p1, 'edge-revoked', { revoked: true });
    noCreds = await addConnector(database, EAST, p1, 'edge-nocreds', { credentials: false });
    ingest = await startEmbeddedIngest({
      db: database.db,
      store,
      deadLetters: dead,
      log,
      port: 0,
      services: [SERVICE],
      batching: { maxDelayMs: 20 },
    });
  });

  afterAll(async () => {
    await ingest?.close();
    await store?.close();
    await database?.close();
  });

  const url = () => ingest.broker.url;
  const asConnector = (c: TTestConnector) => ({
    protocolVersion: 4 as const,
    clientId: c.identity.username,
    username: c.identity.username,
    password: c.password,
  });
  const lastDenial = () => log.lines.filter((l) => l.event === 'mqtt.denied').at(-1);
  const lastDeadLetter = () => dead.letters.at(-1);

  async function expectConnectRefused(opts: Parameters<typeof tryConnect>[1], reason: string) {
    const before = log.lines.length;
    const r = await tryConnect(url(), opts);
    if (r.ok) r.client.end(true);
    expect(r.ok).toBe(false);
    const denial = log.lines.slice(before).find((l) => l.event === 'mqtt.denied');
    expect(denial?.reason).toBe(reason);
    expect(denial?.action).toBe('connect');
  }

  async function expectPublishRefused(
    c: TTestConnector,
    topic: string,
    payload: string | Buffer,
    reason: RegExp,
    opts: { qos?: 0 | 1 | 2; retain?: boolean } = {},
  ) {
    const conn = await tryConnect(url(), asConnector(c));
    if (!conn.ok) throw new Error(conn.error);
    const count = ingest.auth.denialCount(c.identity.username);
    const r = await publishAcked(conn.client, topic, payload, opts, 1500);
    conn.client.end(true);
    expect(r.acked).toBe(false);
    expect(ingest.auth.denialCount(c.identity.username)).toBe(count + 1);
    expect(lastDenial()?.reason).toMatch(reason);
    expect(lastDenial()?.username).toBe(c.identity.username);
  }

  async function expectSubscribeRefused(c: TTestConnector, filter: string, reason: RegExp) {
    const conn = await tryConnect(url(), asConnector(c));
    if (!conn.ok) throw new Error(conn.error);
    // mqtt.js rejects a SUBACK whose only grant is 0x80 (failure).
    const granted = await conn.client.subscribeAsync(filter, { qos: 1 }).then(
      (g) => g[0]?.qos,
      (e: Error) => e.message,
    );
    conn.client.end(true);
    expect(granted).toMatch(/Subscribe error|128/);
    expect(lastDenial()?.action).toBe('subscribe');
    expect(lastDenial()?.reason).toMatch(reason);
  }

  async function expectDeadLettered(c: TTestConnector, payload: string, reason: RegExp) {
    const conn = await tryConnect(url(), asConnector(c));
    if (!conn.ok) throw new Error(conn.error);
    const before = dead.letters.length;
    // A dead-lettered message is acknowledged (it can never succeed; re-sending it would loop), not stored.
    const r = await publishAcked(conn.client, telemetryTopic(addressOf(c.identity)), payload);
    conn.client.end(true);
    expect(r.acked).toBe(true);
    expect(dead.letters.length).toBe(before + 1);
    expect(lastDeadLetter()?.reason).toMatch(reason);
    expect(lastDeadLetter()?.connectorId).toBe(c.identity.connectorId);
    expect(log.lines.at(-1)?.event).toBe('ingest.dead-letter');
  }

  const DENY = (n: number) => telemetryPayload('edge-a', 900_000 + n, `DENY-${n}`, 'v');

  describe('refused and logged, nothing stored', () => {
    it('01 wrong password', () =>
      expectConnectRefused({ ...asConnector(a), password: 'wrong' }, 'wrong password'));
    it('02 unknown user', () =>
      expectConnectRefused(
        {
          protocolVersion: 4,
          clientId: 'east-china-al.ghost',
          username: 'east-china-al.ghost',
          password: 'x',
        },
        'unknown user',
      ));
    it('03 revoked connector', () => expectConnectRefused(asConnector(revoked), 'connector revoked'));
    it('04 connector without issued credentials', () =>
      expectConnectRefused(asConnector(noCreds), 'no credentials issued'));
    it('05 empty client id', () =>
      expectConnectRefused({ ...asConnector(a), clientId: '' }, 'empty client id'));
    it("06 another connector's client id (session takeover)", () =>
      expectConnectRefused(
        { ...asConnector(a), clientId: b.identity.username },
        'client id must equal the username',
      ));
    it('07 no username', () => expectConnectRefused({ protocolVersion: 4, clientId: 'anon' }, 'no username'));
    it('08 service identity with a wrong password', () =>
      expectConnectRefused(
        { protocolVersion: 4, clientId: 'ingest-0', username: SERVICE.username, password: 'nope' },
        'wrong password',
      ));
    it("09 publish to another tenant's topic", () =>
      expectPublishRefused(a, telemetryTopic(addressOf(j.identity)), DENY(9), /another tenant/));
    it("10 publish to another plant's topic", () =>
      expectPublishRefused(
        a,
        telemetryTopic({ ...addressOf(a.identity), plant: x.identity.plantCode }),
        DENY(10),
        /another plant/,
      ));
    it("11 publish to another connector's topic", () =>
      expectPublishRefused(a, telemetryTopic(addressOf(b.identity)), DENY(11), /another connector/));
    it('12 publish to its own command topic', () =>
      expectPublishRefused(a, commandTopic(addressOf(a.identity)), DENY(12), /may not publish to its cmd/));
    it('13 publish to $SYS', () =>
      expectPublishRefused(a, '$SYS/ingot/heartbeat', DENY(13), /reserved topic/));
    it('14 publish outside the ingot namespace', () =>
      expectPublishRefused(a, 'plant/RP/data', DENY(14), /outside the ingot namespace/));
    it('15 retained message', () =>
      expectPublishRefused(a, telemetryTopic(addressOf(a.identity)), DENY(15), /retained/, { retain: true }));
    it('16 QoS 2', () =>
      expectPublishRefused(a, telemetryTopic(addressOf(a.identity)), DENY(16), /QoS 2/, { qos: 2 }));
    it('17 oversized payload', () =>
      expectPublishRefused(
        a,
        telemetryTopic(addressOf(a.identity)),
        Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20),
        /over the limit/,
      ));
    it('18 subscribe to #', () => expectSubscribeRefused(a, '#', /wildcard/));
    it('19 subscribe to $SYS/#', () => expectSubscribeRefused(a, '$SYS/#', /\$SYS/));
    it("20 subscribe to another connector's command topic", () =>
      expectSubscribeRefused(a, commandTopic(addressOf(b.identity)), /another connector's command/));
    it("21 subscribe to every connector's telemetry", () =>
      expectSubscribeRefused(a, 'ingot/v1/+/+/+/telemetry', /wildcard/));
    it('22 join the ingest shared subscription', () =>
      expectSubscribeRefused(a, '$share/ingest/ingot/v1/+/+/+/telemetry', /shared subscription/));
    it('23 malformed JSON', () => expectDeadLettered(a, '{"v":1,"connectorId":', /not valid UTF-8 JSON/));
    it('24 schema violation', () =>
      expectDeadLettered(
        a,
        JSON.stringify({ v: 1, connectorId: 'edge-a', batchSeq: -1, createdAt: Date.now(), points: [] }),
        /batchSeq/,
      ));
    it("25 payload claiming another connector's id", () =>
      expectDeadLettered(
        a,
        telemetryPayload('edge-b', 7, 'DENY-25', 'v'),
        /not the authenticated connector/,
      ));
    it('26 timestamps in seconds instead of milliseconds', () =>
      expectDeadLettered(
        a,
        telemetryPayload('edge-a', 8, 'DENY-26', 'v', 2, Math.floor(Date.now() / 1000)),
        /must be milliseconds since the epoch/,
      ));

    it('every refused case left the telemetry store without a point', async () => {
      await ingest.pipeline.drain();
      for (const c of [a, j]) {
        const rows = await store.latest(c.identity.tenantId);
        expect(rows.filter((r) => r.equipment.startsWith('DENY-'))).toEqual([]);
      }
      expect(ingest.auth.denialCount(a.identity.username)).toBeGreaterThanOrEqual(12);
      expect(ingest.pipeline.deadLettersByConnector.get(a.identity.connectorId)).toBe(4);
    });
  });

  it('a connector publishes its own telemetry: stored once, even when the same batch is sent again', async () => {
    const conn = await tryConnect(url(), asConnector(a));
    if (!conn.ok) throw new Error(conn.error);
    const topic = telemetryTopic(addressOf(a.identity));
    const t0 = Date.now();
    for (let seq = 1; seq <= 5; seq++) {
      const r = await publishAcked(
        conn.client,
        topic,
        telemetryPayload('edge-a', seq, 'CM-1', 'exit_thickness', 10, t0 + seq * 100),
      );
      expect(r.acked).toBe(true);
    }
    // The PUBACK came after the commit: the points are queryable right away.
    expect(await countPoints(store, a.identity.tenantId, a.identity.plantId, 'CM-1', 'exit_thickness')).toBe(
      50,
    );
    // Re-sent (a connector that lost the PUBACK): deduplicated by registered-connector-id:batchSeq.
    for (let seq = 1; seq <= 5; seq++) {
      expect(
        (
          await publishAcked(
            conn.client,
            topic,
            telemetryPayload('edge-a', seq, 'CM-1', 'exit_thickness', 10, t0 + seq * 100),
          )
        ).acked,
      ).toBe(true);
    }
    expect(await countPoints(store, a.identity.tenantId, a.identity.plantId, 'CM-1', 'exit_thickness')).toBe(
      50,
    );
    // The other tenant sees nothing of it.
    expect(await store.latest(j.identity.tenantId)).toEqual([]);
    conn.client.end(true);
  });

  it('two connectors with the same batchSeq do not deduplicate each other', async () => {
    const ca = await tryConnect(url(), asConnector(a));
    const cb = await tryConnect(url(), asConnector(b));
    if (!ca.ok || !cb.ok) throw new Error('connect');
    const t0 = Date.now();
    expect(
      (
        await publishAcked(
          ca.client,
          telemetryTopic(addressOf(a.identity)),
          telemetryPayload('edge-a', 42, 'CM-2', 'speed', 4, t0),
        )
      ).acked,
    ).toBe(true);
    expect(
      (
        await publishAcked(
          cb.client,
          telemetryTopic(addressOf(b.identity)),
          telemetryPayload('edge-b', 42, 'CM-2', 'speed', 4, t0 + 50),
        )
      ).acked,
    ).toBe(true);
    expect(await countPoints(store, a.identity.tenantId, a.identity.plantId, 'CM-2', 'speed')).toBe(8);
    ca.client.end(true);
    cb.client.end(true);
  });

  it('a heartbeat updates lastSeenAt and lastStatus of the registered connector', async () => {
    const conn = await tryConnect(url(), asConnector(x));
    if (!conn.ok) throw new Error(conn.error);
    const hb = {
      v: 1,
      kind: 'heartbeat',
      connectorId: 'edge-x',
      ts: Date.now(),
      version: '0.1.0',
      uptimeS: 12,
      configVersion: 'abc',
      spool: {
        depthBatches: 7,
        depthPoints: 700,
        bytes: 1000,
        maxBytes: 100000,
        oldestAt: null,
        droppedPoints: 0,
        droppedBatches: 0,
        nextBatchSeq: 8,
      },
      lagMs: 120,
      pointsPerS: 50,
      publishedPerS: 50,
      sources: [],
    };
    expect(
      (await publishAcked(conn.client, statusTopic(addressOf(x.identity)), JSON.stringify(hb))).acked,
    ).toBe(true);
    conn.client.end(true);
    const [row] = await database.ownerQuery<{
      last_seen_at: Date | null;
      last_status: { spoolDepthBatches?: number };
    }>('SELECT last_seen_at, last_status FROM connector WHERE id = $1', [x.identity.connectorId]);
    expect(row?.last_seen_at).not.toBeNull();
    expect(row?.last_status.spoolDepthBatches).toBe(7);
  });

  it("a connector's last will (its session died) marks it offline", async () => {
    const will = { v: 1, kind: 'offline', connectorId: 'edge-x', since: Date.now() };
    const conn = await tryConnect(url(), {
      ...asConnector(x),
      will: {
        topic: statusTopic(addressOf(x.identity)),
        payload: Buffer.from(JSON.stringify(will)),
        qos: 1,
        retain: false,
      },
    });
    if (!conn.ok) throw new Error(conn.error);
    conn.client.stream.destroy();
    const kind = async () =>
      (
        await database.ownerQuery<{ kind: string | null }>(
          "SELECT last_status->>'kind' AS kind FROM connector WHERE id = $1",
          [x.identity.connectorId],
        )
      )[0]?.kind;
    await expect.poll(kind, { timeout: 5000 }).toBe('offline');
    conn.client.end(true);
  });

  it("the service identity may not take the connectors' cmd-only grants the other way round", async () => {
    const conn = await tryConnect(url(), {
      protocolVersion: 4,
      clientId: SERVICE.username,
      username: SERVICE.username,
      password: SERVICE.password,
    });
    if (!conn.ok) throw new Error(conn.error);
    const r = await publishAcked(
      conn.client,
      telemetryTopic(addressOf(a.identity)),
      telemetryPayload('edge-a', 77, 'DENY-S', 'v'),
      {},
      1500,
    );
    conn.client.end(true);
    expect(r.acked).toBe(false);
    expect(lastDenial()?.reason).toMatch(/only command topics/);
  });
});
