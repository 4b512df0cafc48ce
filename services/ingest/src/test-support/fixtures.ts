import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectorUsername, hashConnectorPassword, seedDemoTenant } from '@ingot/domain';
import { openTelemetryStore, type TelemetryStore } from '@ingot/telemetry';
import { createTestDatabase, type TestDatabase } from '@ingot/testing';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { TConnectorIdentity } from '../broker-auth/identity.ts';

export interface TTestConnector {
  identity: TConnectorIdentity;
  password: string;
}

/** One chDB data directory per test process (the engine allows one). */
let chdbDir: string | null = null;
export function openTestStore(): TelemetryStore {
  chdbDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-ingest-test-'));
  return openTelemetryStore({
    backend: 'chdb',
    dataDir: chdbDir,
    database: `ingest_${randomBytes(4).toString('hex')}`,
  });
}

/** Real PostgreSQL with both demo tenants seeded. */
export async function openSeededDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase('postgres');
  await seedDemoTenant(database.db);
  return database;
}

/** Inserts a connector in plant `plantCode` of tenant `slug` (as the owner), with credentials unless told otherwise. */
export async function addConnector(
  database: TestDatabase,
  slug: string,
  plantCode: string,
  code: string,
  opts: { credentials?: boolean; revoked?: boolean } = {},
): Promise<TTestConnector> {
  const [plant] = await database.ownerQuery<{ id: string; tenant_id: string }>(
    'SELECT p.id::text AS id, p.tenant_id::text AS tenant_id FROM plant p JOIN tenant t ON t.id = p.tenant_id WHERE t.slug = $1 AND p.code = $2',
    [slug, plantCode],
  );
  if (!plant) throw new Error(`no plant ${slug}/${plantCode}`);
  const password = randomBytes(24).toString('base64url');
  const hash = opts.credentials === false ? null : await hashConnectorPassword(password);
  const id = randomUUID();
  const username = connectorUsername(slug, code);
  await database.ownerQuery(
    `INSERT INTO connector (id, tenant_id, plant_id, code, name, username, password_hash, credentials_issued_at, revoked_at, updated_at)
     VALUES ($1, $2, $3, $4, $4, $5, $6, now(), $7, now())`,
    [id, plant.tenant_id, plant.id, code, username, hash, opts.revoked ? new Date() : null],
  );
  return {
    password,
    identity: {
      kind: 'connector',
      username,
      connectorId: id,
      tenantId: plant.tenant_id,
      tenantSlug: slug,
      plantId: plant.id,
      plantCode,
      connectorCode: code,
    },
  };
}

export type TConnectOutcome =
  | { ok: true; client: MqttClient }
  | { ok: false; error: string; code: number | undefined };

/** Connects once (no reconnect); resolves with the client or the refusal. */
export function tryConnect(url: string, opts: IClientOptions): Promise<TConnectOutcome> {
  return new Promise((resolve) => {
    const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, ...opts });
    let settled = false;
    const done = (o: TConnectOutcome) => {
      if (settled) return;
      settled = true;
      resolve(o);
    };
    // A refused connection or publish resets the socket: that is the outcome under test, never an uncaught error.
    client.stream.on('error', () => undefined);
    client.on('error', (e: Error & { code?: number }) => {
      if (settled) return;
      client.end(true);
      done({ ok: false, error: e.message, code: e.code });
    });
    client.once('connect', () => done({ ok: true, client }));
    client.once('close', () => {
      if (!client.connected) done({ ok: false, error: 'closed', code: undefined });
    });
  });
}

/**
 * Publishes with QoS 1 and reports whether a successful PUBACK came back within `ms` (false: the broker
 * refused — negative PUBACK on MQTT 5, a closed connection or silence on 3.1.1).
 */
export function publishAcked(
  client: MqttClient,
  topic: string,
  payload: string | Buffer,
  opts: { qos?: 0 | 1 | 2; retain?: boolean } = {},
  ms = 3000,
): Promise<{ acked: boolean; reason: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ acked: false, reason: 'no PUBACK' }), ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve({ acked: false, reason: 'connection closed' });
    };
    client.once('close', onClose);
    client.publish(topic, payload, { qos: opts.qos ?? 1, retain: opts.retain ?? false }, (err, packet) => {
      clearTimeout(timer);
      client.off('close', onClose);
      const rc = (packet as { reasonCode?: number } | undefined)?.reasonCode;
      if (err) resolve({ acked: false, reason: err.message });
      else if (rc !== undefined && rc >= 0x80) resolve({ acked: false, reason: `reason code ${rc}` });
      else resolve({ acked: true, reason: 'ok' });
    });
  });
}

export function telemetryPayload(
  connectorCode: string,
  batchSeq: number,
  equipment: string,
  tag: string,
  points = 3,
  t0 = Date.now(),
): string {
  return JSON.stringify({
    v: 1,
    connectorId: connectorCode,
    batchSeq,
    createdAt: t0,
    points: Array.from({ length: points }, (_, i) => ({
      equipment,
      tag,
      ts: t0 - points + i,
      value: batchSeq * 1000 + i,
      quality: 'good',
    })),
  });
}

/** Stored points of one series (raw: the chart is wider than the number of points). */
export async function countPoints(
  store: TelemetryStore,
  tenantId: string,
  plantId: string,
  equipment: string,
  tag: string,
) {
  const s = await store.series(tenantId, {
    plantId,
    equipment,
    tag,
    from: Date.now() - 3_600_000,
    to: Date.now() + 60_000,
    widthPx: 5000,
  });
  return s.buckets.reduce((n, b) => n + b.count + b.badCount, 0);
}
