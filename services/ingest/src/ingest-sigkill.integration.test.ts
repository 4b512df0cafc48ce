/**
 * ingest killed with SIGKILL three times mid-stream (a real child process: bin/ingest.ts against a real Mosquitto,
 * PostgreSQL and chDB): every batch the connector got a PUBACK for is stored exactly once. The broker keeps each
 * replica's session, so what the killed process had not acknowledged is redelivered to its successor, and the dedup
 * token (registered connector id : batchSeq) drops what it had already inserted. Prints the counts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { telemetryTopic } from '@ingot/contracts';
import { openTelemetryStore } from '@ingot/telemetry';
import type { TestDatabase } from '@ingot/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addressOf, shareGroupFor } from './broker-auth/acl.ts';
import { buildMosquittoAuthFiles } from './broker-auth/mosquitto-files.ts';
import {
  addConnector,
  countPoints,
  openSeededDatabase,
  publishAcked,
  type TTestConnector,
  telemetryPayload,
  tryConnect,
} from './test-support/fixtures.ts';
import { startTestMosquitto, type TTestMosquitto } from './test-support/mosquitto.ts';

const PASSWORD = 'sigkill-service-secret-0123456789';
const BATCHES = 400;
const POINTS = 10;

let database: TestDatabase;
let broker: TTestMosquitto;
let c: TTestConnector;
const chdbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-ingest-sigkill-'));

beforeAll(async () => {
  database = await openSeededDatabase();
  const [plant] = await database.ownerQuery<{ code: string }>(
    "SELECT p.code FROM plant p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = 'east-china-al' ORDER BY p.code LIMIT 1",
  );
  c = await addConnector(database, 'east-china-al', plant?.code as string, 'edge-kill');
  broker = await startTestMosquitto(
    buildMosquittoAuthFiles(
      [{ identity: c.identity, revoked: false, password: c.password }],
      [{ username: 'ingot-ingest-0', password: PASSWORD }],
      {
        shareGroup: shareGroupFor(PASSWORD),
      },
    ),
  );
});

afterAll(async () => {
  await broker?.stop();
  await database?.close();
  fs.rmSync(chdbDir, { recursive: true, force: true, maxRetries: 3 });
});

let stderr = '';
function startIngest(): ChildProcess {
  const bin = path.resolve(import.meta.dirname, '../bin/ingest.ts');
  // node itself (not the tsx launcher, which would leave its node child running after a SIGKILL).
  return spawn(process.execPath, ['--import', 'tsx', bin], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      MQTT_URL: broker.url,
      DATABASE_URL: database.url,
      INGEST_MQTT_PASSWORD: PASSWORD,
      INGEST_REPLICA: '0',
      INGEST_SHARE_GROUP: 'secret',
      INGEST_CHDB_DIR: chdbDir,
    },
  }).on('spawn', function (this: ChildProcess) {
    this.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
  });
}

const exited = (p: ChildProcess) =>
  new Promise<void>((r) => (p.exitCode !== null ? r() : p.once('exit', () => r())));

it('three SIGKILLs of ingest mid-stream: every acknowledged batch stored exactly once', async () => {
  const client = await tryConnect(broker.url, {
    protocolVersion: 5,
    clientId: c.identity.username,
    username: c.identity.username,
    password: c.password,
  });
  if (!client.ok) throw new Error(client.error);
  // The first start creates the session (and its shared subscription); later ones resume it.
  const subscribed = () => stderr.split('\n').filter((l) => l.includes('ingest subscribed')).length;
  const untilSubscribed = async (n: number) => {
    const until = Date.now() + 30_000;
    while (subscribed() < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(subscribed()).toBe(n);
  };
  let child = startIngest();
  await untilSubscribed(1);
  const t0 = Date.now() - 60_000;
  let acked = 0;
  const publishing = (async () => {
    for (let seq = 1; seq <= BATCHES; seq++) {
      const r = await publishAcked(
        client.client,
        telemetryTopic(addressOf(c.identity)),
        telemetryPayload('edge-kill', seq, 'KILL', 'v', POINTS, t0 + seq * 20),
      );
      if (r.acked) acked += 1;
      if (seq % 10 === 0) await new Promise((res) => setTimeout(res, 100));
    }
  })();
  for (let kill = 1; kill <= 3; kill++) {
    // Kill a replica that is running and busy: 700 ms after it (re)subscribed.
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    await exited(child);
    child = startIngest();
    await untilSubscribed(kill + 1);
  }
  await publishing;
  client.client.end(true);
  // Let the last replica drain what the broker holds, then stop it cleanly.
  await new Promise((r) => setTimeout(r, 8000));
  child.kill('SIGTERM');
  await exited(child);
  const resumed = stderr.split('\n').filter((l) => l.includes('session resumed')).length;
  const store = openTelemetryStore({ backend: 'chdb', dataDir: chdbDir });
  const stored = await countPoints(store, c.identity.tenantId, c.identity.plantId, 'KILL', 'v');
  console.log(
    `sigkill x3: connector acked ${acked}/${BATCHES} batches = ${acked * POINTS} points; stored ${stored} points; sessions resumed after a kill: ${resumed}`,
  );
  expect(resumed).toBe(3);
  expect(acked).toBe(BATCHES);
  expect(stored).toBe(BATCHES * POINTS);
  await store.close();
}, 120_000);
