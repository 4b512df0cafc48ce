import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type Server } from 'node:tls';
import { type TTelemetryBatch, telemetryTopic, ZTelemetryBatch } from '@ingot/contracts';
import { Aedes } from 'aedes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZMqttConfig } from '../config/connector-config.ts';
import { silentLogger } from '../logger.ts';
import { Spool } from '../spool/spool.ts';
import { Publisher } from './publisher.ts';

// The embedded broker (aedes, MQTT 3.1.1 only) over TLS with a per-connector password: the configuration
// `npm start` uses. The certificate is made with openssl for 127.0.0.1.
let dir: string;
let broker: Aedes;
let server: Server;
let port: number;
const received: TTelemetryBatch[] = [];
const address = { tenant: 'demo-alu', plant: 'RP', connector: 'edge-tls' };
/** While set, the broker holds its PUBACKs (aedes acknowledges after authorizePublish calls back). */
let hold: Promise<void> | null = null;
const sockets = new Set<Socket>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingot-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
      '-subj',
      '/CN=ingot-test-broker',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore', env: { PATH: process.env.PATH } },
  );
  broker = await Aedes.createBroker({
    // The client id is the username (as the platform's brokers require); `denied-*` users may connect, not publish.
    authenticate: (_client, username, password, done) =>
      done(
        null,
        (username === 'edge-tls' || username?.startsWith('denied-') === true) &&
          password?.toString() === 'pw-1',
      ),
    authorizePublish: (client, packet, done) => {
      const decide = () =>
        client?.id.startsWith('denied-')
          ? done(new Error('denied'))
          : done(
              packet.topic.startsWith(`ingot/v1/demo-alu/RP/${client?.id}/`)
                ? null
                : new Error('not your topic'),
            );
      if (hold) void hold.then(decide);
      else decide();
    },
  });
  broker.on('publish', (packet) => {
    if (packet.topic === telemetryTopic(address))
      received.push(ZTelemetryBatch.parse(JSON.parse(packet.payload.toString())));
  });
  server = createServer(
    { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
    broker.handle,
  );
  // Half-open TLS sockets (the untrusted-certificate case) would keep server.close() waiting.
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await new Promise<void>((resolve) => broker?.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

function publisher(password: string, caFile = path.join(dir, 'cert.pem'), connector = 'edge-tls') {
  const spool = new Spool({
    file: path.join(dir, `${password}-${Math.random()}.db`),
    connectorId: 'edge-tls',
    maxBytes: 4 << 20,
  });
  const mqtt = ZMqttConfig.parse({
    url: `mqtts://127.0.0.1:${port}`,
    username: connector,
    password,
    protocolVersion: 4,
    tls: { caFile },
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    inflightWindow: 4,
  });
  return { spool, pub: new Publisher(mqtt, { ...address, connector }, spool, silentLogger) };
}

describe('publisher over TLS to the embedded aedes broker (MQTT 3.1.1)', () => {
  it('publishes spooled batches with a bounded window and deletes each one only after its PUBACK', async () => {
    const { spool, pub } = publisher('pw-1');
    const ts = Date.now();
    for (let i = 0; i < 40; i++)
      spool.append([{ equipment: 'CM-1', tag: 'seq', ts: ts + i, value: i, quality: 'good' }], ts + i);
    let release = () => {};
    hold = new Promise<void>((r) => {
      release = r;
    });
    let maxInflight = 0;
    const timer = setInterval(() => {
      maxInflight = Math.max(maxInflight, pub.inflightSeqs().size);
    }, 1);
    pub.start();
    // No PUBACK yet: nothing leaves the spool, and only a window's worth is in flight.
    await new Promise((r) => setTimeout(r, 800));
    expect(pub.isConnected).toBe(true);
    expect(spool.status().depthBatches).toBe(40);
    expect(pub.inflightSeqs().size).toBe(4);
    hold = null;
    release();
    const end = Date.now() + 15_000;
    while (spool.status().depthBatches > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    clearInterval(timer);
    expect(spool.status().depthBatches).toBe(0);
    expect([...new Set(received.map((b) => b.batchSeq))].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
    expect(maxInflight).toBeLessThanOrEqual(4);
    expect(pub.counters.ackedBatches).toBe(40);
    await pub.stop();
    spool.close();
  });

  it('keeps everything in the spool when the password is wrong or the broker certificate is not trusted', async () => {
    for (const [password, ca] of [
      ['wrong', undefined],
      ['pw-1', path.join(dir, 'other-ca.pem')],
    ] as const) {
      if (ca) {
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '1',
            '-keyout',
            path.join(dir, 'other-key.pem'),
            '-out',
            ca,
            '-subj',
            '/CN=someone-else',
          ],
          { stdio: 'ignore', env: { PATH: process.env.PATH } },
        );
      }
      const { spool, pub } = publisher(password, ca);
      spool.append(
        [{ equipment: 'CM-1', tag: 'seq', ts: Date.now(), value: 1, quality: 'good' }],
        Date.now(),
      );
      pub.start();
      await new Promise((r) => setTimeout(r, 1500));
      expect(pub.isConnected).toBe(false);
      expect(spool.status().depthBatches).toBe(1);
      expect(pub.counters.connects).toBe(0);
      await pub.stop();
      spool.close();
    }
  });

  it('keeps a refused batch and backs off instead of reconnecting in a tight loop', async () => {
    const { spool, pub } = publisher('pw-1', undefined, 'denied-1');
    spool.append([{ equipment: 'CM-1', tag: 'seq', ts: Date.now(), value: 1, quality: 'good' }], Date.now());
    pub.start();
    await new Promise((r) => setTimeout(r, 3000));
    // initial 50 ms, max 200 ms: without back-off across refusals this would be ~30 connections.
    expect(pub.counters.connects).toBeGreaterThan(1);
    expect(pub.counters.connects).toBeLessThanOrEqual(20);
    expect(spool.status().depthBatches).toBe(1);
    await pub.stop();
    spool.close();
  });
});
