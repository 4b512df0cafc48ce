import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  commandTopic,
  MAX_MESSAGE_BYTES,
  type TConnectorHeartbeat,
  type TTelemetryAlarm,
  type TTelemetryBatch,
  type TTelemetryCommandInput,
  type TTelemetryPoint,
  type TTelemetryReply,
  ZConnectorHeartbeat,
  ZTelemetryAlarm,
  ZTelemetryBatch,
  ZTelemetryReply,
} from '@ingot/contracts';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type TConnectorConfigInput, ZConnectorConfig } from '../config/connector-config.ts';
import { silentLogger } from '../logger.ts';
import { trustCertificateFile } from '../sources/pki.ts';
import { startTestServer, type TestServer } from '../test-support/opcua-test-server.ts';
import { TcpProxy } from '../test-support/tcp-proxy.ts';
import { Agent } from './agent.ts';

// The real Mosquitto from infra/local (services.env); the agent reaches it through a loopback TCP proxy the
// test can cut, since the shared broker itself must not be stopped.
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:18830';
const MQTT_USERNAME = process.env.MQTT_TEST_CONNECTOR_USERNAME;
const MQTT_PASSWORD = process.env.MQTT_TEST_CONNECTOR_PASSWORD;
const broker = new URL(MQTT_URL);

let dir: string;
let opc: TestServer;
let proxy: TcpProxy;
let observer: MqttClient;
const tenant = `t2test-${randomUUID().slice(0, 8)}`;

interface Seen {
  batches: TTelemetryBatch[];
  status: TConnectorHeartbeat[];
  alarms: TTelemetryAlarm[];
  replies: TTelemetryReply[];
}
const seen = new Map<string, Seen>();
function seenBy(connector: string): Seen {
  let s = seen.get(connector);
  if (!s) {
    s = { batches: [], status: [], alarms: [], replies: [] };
    seen.set(connector, s);
  }
  return s;
}

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingot-agent-'));
  opc = await startTestServer({ dir });
  opc.run(50);
  proxy = new TcpProxy(broker.hostname, Number(broker.port || 1883));
  await proxy.start();
  observer = await mqtt.connectAsync(MQTT_URL, {
    protocolVersion: 5,
    clientId: `t2-observer-${randomUUID().slice(0, 8)}`,
    username: MQTT_USERNAME,
    password: MQTT_PASSWORD,
  });
  observer.on('message', (topic, payload) => {
    const [, , , , connector = '', kind] = topic.split('/');
    if (kind === 'cmd') return;
    const s = seenBy(connector);
    const json: unknown = JSON.parse(payload.toString('utf8'));
    if (kind === 'telemetry') s.batches.push(ZTelemetryBatch.parse(json));
    else if (kind === 'status') {
      const r = ZConnectorHeartbeat.safeParse(json);
      if (r.success) s.status.push(r.data);
    } else if (kind === 'alarm') s.alarms.push(ZTelemetryAlarm.parse(json));
    else if (kind === 'reply') s.replies.push(ZTelemetryReply.parse(json));
  });
  await observer.subscribeAsync(`ingot/v1/${tenant}/#`, { qos: 1 });
}, 60_000);

afterAll(async () => {
  await observer?.endAsync();
  await proxy?.cut();
  await opc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function agentConfig(connector: string, extra: Partial<TConnectorConfigInput> = {}) {
  const dataDir = path.join(dir, connector);
  trustCertificateFile(dataDir, opc.certificateFile);
  return ZConnectorConfig.parse({
    connector: { id: connector, tenant, plant: 'RP' },
    dataDir,
    mqtt: {
      url: `mqtt://127.0.0.1:${proxy.port}`,
      username: MQTT_USERNAME,
      password: MQTT_PASSWORD,
      reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
      inflightWindow: 8,
    },
    status: { intervalMs: 1000 },
    batching: { maxPoints: 50, maxDelayMs: 100 },
    security: { writeAllowList: [{ equipment: 'CM-1', tag: 'speed_sp' }] },
    sources: [
      {
        id: 'cm1',
        kind: 'opcua',
        endpointUrl: opc.endpointUrl,
        publishingIntervalMs: 100,
        samplingIntervalMs: 10,
        queueSize: 1000,
        tags: [
          { nodeId: 'ns=1;s=CM1.Seq', equipment: 'CM-1', tag: 'seq' },
          { nodeId: 'ns=1;s=CM1.SpeedSp', equipment: 'CM-1', tag: 'speed_sp' },
        ],
      },
    ],
    ...extra,
  });
}

function distinctSeqs(batches: TTelemetryBatch[]): number[] {
  return [...new Set(batches.map((b) => b.batchSeq))].sort((a, b) => a - b);
}

describe('connector agent: OPC UA -> spool -> Mosquitto', () => {
  it('publishes tag values, bridges a broker outage through the spool with no gap in batchSeq, and continues the sequence after a restart', async () => {
    const connector = `edge-${randomUUID().slice(0, 6)}`;
    const config = agentConfig(connector);
    const s = seenBy(connector);
    const agent = new Agent({ config, version: 'test', log: silentLogger });
    // Everything the source handed to the agent; all of it must reach the broker.
    const ingested: TTelemetryPoint[] = [];
    const ingest = agent.ingest.bind(agent);
    agent.ingest = (points) => {
      ingested.push(...points);
      ingest(points);
    };
    await agent.start();
    await until(() => s.batches.length >= 5, 30_000, 'the first batches');
    expect(s.batches[0]).toMatchObject({ v: 1, connectorId: connector, batchSeq: 0 });
    await until(
      () => s.status.some((h) => h.sources[0]?.state === 'connected'),
      5000,
      'a heartbeat with the source up',
    );

    // Broker unreachable: the spool fills.
    await proxy.cut();
    const cutAt = Date.now();
    await until(() => agent.spool.status().depthBatches >= 10, 20_000, 'the spool to fill');
    const during = agent.heartbeatMessage();
    expect(during.spool.depthBatches).toBeGreaterThanOrEqual(10);
    expect(during.lagMs).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, Math.max(0, 1500 - (Date.now() - cutAt))));

    // Broker back: the spool drains, oldest first.
    await proxy.restore();
    await until(() => agent.spool.status().depthBatches === 0, 30_000, 'the spool to drain');
    // Close the open batch: every point read so far is now in a batch below `next`.
    agent.flush();
    const readSoFar = ingested.length;
    const next = agent.spool.status().nextBatchSeq;
    await until(
      () => distinctSeqs(s.batches).filter((q) => q < next).length === next,
      10_000,
      'every batch at the observer',
    );
    expect(distinctSeqs(s.batches).filter((q) => q < next)).toEqual(
      Array.from({ length: next }, (_, i) => i),
    );

    // Every point the source produced, before, during and after the outage, reached the broker exactly as read.
    const key = (p: TTelemetryPoint) => `${p.equipment}/${p.tag}/${p.ts}/${String(p.value)}`;
    const delivered = new Set(
      s.batches
        .filter((b) => b.batchSeq < next)
        .flatMap((b) => b.points)
        .map(key),
    );
    const produced = new Set(ingested.slice(0, readSoFar).map(key));
    expect([...produced].filter((k) => !delivered.has(k))).toEqual([]);
    expect(delivered.size).toBe(produced.size);
    const values = ingested.filter((p) => p.tag === 'seq').map((p) => p.value as number);
    expect(values.length).toBeGreaterThan(30);
    const span = (values.at(-1) ?? 0) - (values[0] ?? 0) + 1;
    const dupes = s.batches.length - distinctSeqs(s.batches).length;
    console.log(
      `outage test: ${next} batches, ${produced.size} points delivered of ${produced.size} read, ` +
        `${dupes} duplicate deliveries; OPC UA sampling saw ${values.length} of ${span} counter values`,
    );

    // Restart on the same data directory: the sequence continues.
    await agent.stop();
    const again = new Agent({ config, version: 'test', log: silentLogger });
    await again.start();
    await until(() => s.batches.some((b) => b.batchSeq === next), 30_000, 'the first batch after restart');
    expect(Math.min(...s.batches.filter((b) => b.batchSeq >= next).map((b) => b.batchSeq))).toBe(next);
    await again.stop();
  });

  it('when the spool is full drops the oldest batches, counts them and raises a spool-overflow alarm', async () => {
    const connector = `edge-${randomUUID().slice(0, 6)}`;
    // The smallest spool allowed, and about twice as many points as it holds.
    const config = agentConfig(connector, {
      spool: { maxBytes: 4 * MAX_MESSAGE_BYTES },
      batching: { maxPoints: 1000, maxDelayMs: 100 },
      sources: [],
    });
    const s = seenBy(connector);
    const agent = new Agent({ config, version: 'test', log: silentLogger });
    await agent.start();
    await until(() => agent.publisher.isConnected, 10_000, 'the broker connection');
    await proxy.cut();
    await until(() => !agent.publisher.isConnected, 5000, 'the disconnect');
    const ts = Date.now();
    const total = 120_000;
    for (let i = 0; i < total; i += 500) {
      const points: TTelemetryPoint[] = Array.from({ length: 500 }, (_, j) => ({
        equipment: 'EM-1',
        tag: 'seq',
        ts: ts + i + j,
        value: i + j,
        quality: 'good',
      }));
      agent.ingest(points);
    }
    agent.flush();
    const full = agent.spool.status();
    expect(full.bytes).toBeLessThanOrEqual(full.maxBytes);
    expect(full.droppedPoints).toBeGreaterThan(0);
    expect(full.depthPoints + full.droppedPoints).toBe(total);

    await proxy.restore();
    await until(
      () => s.alarms.some((a) => a.code === 'spool-overflow' && a.state === 'raised'),
      20_000,
      'the overflow alarm',
    );
    await until(() => agent.spool.status().depthBatches === 0, 30_000, 'the spool to drain');
    const alarm = s.alarms.find((a) => a.code === 'spool-overflow');
    expect(alarm).toMatchObject({ severity: 'critical', subject: 'spool' });
    expect(alarm?.details.firstDroppedSeq).toBe(0);
    // Delivered + dropped = produced, and what was dropped is the oldest range.
    await until(() => distinctSeqs(s.batches).length === full.depthBatches, 10_000, 'all surviving batches');
    const delivered = new Set(s.batches.flatMap((b) => b.points.map((p) => p.value)));
    expect(delivered.size + full.droppedPoints).toBe(total);
    expect(Math.min(...distinctSeqs(s.batches))).toBe(full.droppedBatches);
    console.log(
      `overflow test: ${total} points, ${full.droppedPoints} dropped in ${full.droppedBatches} batches, ${delivered.size} delivered`,
    );
    await agent.stop();
  });

  it('executes a write only for an allow-listed tag, refuses bad commands and a pushed config with security None', async () => {
    const connector = `edge-${randomUUID().slice(0, 6)}`;
    const s = seenBy(connector);
    const config = agentConfig(connector);
    const configFile = path.join(dir, `${connector}.yaml`);
    writeFileSync(configFile, stringify(JSON.parse(JSON.stringify(config))));
    const agent = new Agent({ config, configFile, version: 'test', log: silentLogger });
    await agent.start();
    await until(
      () => s.status.some((h) => h.sources[0]?.state === 'connected'),
      30_000,
      'a connected source',
    );
    const topic = commandTopic({ tenant, plant: 'RP', connector });
    const send = async (cmd: TTelemetryCommandInput | string) => {
      const id = typeof cmd === 'string' ? '' : cmd.id;
      const before = s.replies.length;
      await observer.publishAsync(topic, typeof cmd === 'string' ? cmd : JSON.stringify(cmd), { qos: 1 });
      await until(
        () => s.replies.slice(before).some((r) => r.commandId === id),
        10_000,
        `the reply to ${id || 'garbage'}`,
      );
      return s.replies.slice(before).find((r) => r.commandId === id);
    };
    const base = { v: 1 as const, issuedAt: Date.now() };
    expect(
      await send({ ...base, id: 'w1', type: 'write', equipment: 'CM-1', tag: 'seq', value: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(
      await send({ ...base, id: 'w2', type: 'write', equipment: 'CM-1', tag: 'speed_sp', value: 17.25 }),
    ).toMatchObject({ ok: true });
    expect(opc.setpoint()).toBe(17.25);
    expect(await send('{"v":1,')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await send({ ...base, id: 'x1', type: 'ping', expiresAt: base.issuedAt - 1 })).toMatchObject({
      error: { code: 'expired' },
    });
    const insecure = {
      ...base,
      id: 'c1',
      type: 'reload-config' as const,
      configVersion: 'v2',
      config: {
        sources: [
          {
            id: 'cm1',
            kind: 'opcua' as const,
            endpointUrl: opc.endpointUrl,
            securityMode: 'None' as const,
            securityPolicy: 'None' as const,
            tags: [{ nodeId: 'ns=1;s=CM1.Seq', equipment: 'CM-1', tag: 'seq' }],
          },
        ],
      },
    };
    expect(await send(insecure)).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', message: expect.stringMatching(/security mode None is refused/) },
    });
    // The same configuration with a secure mode is applied.
    const [insecureSource] = insecure.config.sources;
    if (!insecureSource) throw new Error('no source');
    const secure = {
      ...insecure,
      id: 'c2',
      config: {
        sources: [
          {
            ...insecureSource,
            securityMode: 'SignAndEncrypt' as const,
            securityPolicy: 'Basic256Sha256' as const,
          },
        ],
      },
    };
    expect(await send(secure)).toMatchObject({ ok: true, result: { configVersion: 'v2' } });
    await until(
      () => s.status.some((h) => h.configVersion === 'v2'),
      10_000,
      'a heartbeat with the new config version',
    );
    expect(s.alarms.some((a) => a.code === 'write-denied')).toBe(true);
    // Reload without a configuration: back to the local file, which forgets the pushed one.
    const local = await send({ ...base, id: 'c3', type: 'reload-config' });
    expect(local).toMatchObject({
      ok: true,
      result: { configVersion: expect.stringMatching(/^local:/), restartNeededFor: '' },
    });
    await agent.stop();
  });
});
