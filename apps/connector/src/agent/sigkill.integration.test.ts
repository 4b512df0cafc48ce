import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TTelemetryBatch, ZTelemetryBatch } from '@ingot/contracts';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { simulatorConnectorConfig } from '../cli/simulator-connector-config.ts';
import { simulatorOpcuaTags, startPlantSimulator, type TPlantSimulatorHandle } from '../simulator/index.ts';
import { trustCertificateFile } from '../sources/pki.ts';

// The real CLI process (`ingot-connector run`) killed with SIGKILL mid-stream, several times, against the plant
// simulator and the real Mosquitto. Every sequence number the simulator produced between the first and the
// last one seen must arrive exactly once once batches are deduplicated by batchSeq (what ingest does): the
// spool re-sends what was not acknowledged, and HistoryRead backfills what was read but not yet spooled or
// produced while the agent was down.
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:18830';
const MQTT_USERNAME = process.env.MQTT_TEST_CONNECTOR_USERNAME;
const MQTT_PASSWORD = process.env.MQTT_TEST_CONNECTOR_PASSWORD;
const KILLS = 10;
const bin = path.resolve(import.meta.dirname, '../../bin/ingot-connector.mjs');

let dir: string;
let sim: TPlantSimulatorHandle;
let observer: MqttClient;
const tenant = `t2sim-${randomUUID().slice(0, 8)}`;
const batches = new Map<number, TTelemetryBatch>();
let deliveries = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingot-sigkill-'));
  sim = await startPlantSimulator({
    pkiDir: path.join(dir, 'sim-pki'),
    plants: ['RP'],
    tickMs: 100,
    sequenceTags: true,
  });
  observer = await mqtt.connectAsync(MQTT_URL, {
    protocolVersion: 5,
    clientId: `t2-kill-observer-${randomUUID().slice(0, 8)}`,
    username: MQTT_USERNAME,
    password: MQTT_PASSWORD,
  });
  observer.on('message', (_t, payload) => {
    const b = ZTelemetryBatch.parse(JSON.parse(payload.toString('utf8')));
    deliveries += 1;
    const seen = batches.get(b.batchSeq);
    // At-least-once: a re-sent batch must be byte-for-byte the same batch.
    if (seen) expect(seen).toEqual(b);
    batches.set(b.batchSeq, b);
  });
  await observer.subscribeAsync(`ingot/v1/${tenant}/+/+/telemetry`, { qos: 1 });
}, 120_000);

afterAll(async () => {
  await observer?.endAsync();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startAgent(config: string): ChildProcess {
  const child = spawn(process.execPath, [bin, 'run', '--config', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Errors of the agent show in the test output.
  child.stderr?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n'))
      if (/"level":"error"/.test(line)) console.error(line.slice(0, 500));
  });
  return child;
}

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('connector killed with SIGKILL mid-stream', () => {
  it(`loses and duplicates no sequence number across ${KILLS} kills`, async () => {
    const dataDir = path.join(dir, 'connector');
    // Only the sequence tags: the check is about them, and fewer tags keep the test light.
    const seqTags = simulatorOpcuaTags(['RP'], { sequenceTags: true }).filter((t) => t.tag === 'seq');
    const config = simulatorConnectorConfig({
      plant: 'RP',
      tenant,
      connectorId: 'kill-rp',
      dataDir,
      mqttUrl: MQTT_URL,
      endpointUrl: sim.endpointUrl,
      modbus: sim.modbus,
      opcuaTags: seqTags,
      modbusTags: [],
    });
    if (MQTT_USERNAME) config.mqtt.username = MQTT_USERNAME;
    if (MQTT_PASSWORD) config.mqtt.password = MQTT_PASSWORD;
    const file = path.join(dir, 'connector.yaml');
    writeFileSync(file, stringify(config));
    trustCertificateFile(dataDir, sim.certificateFile);

    for (let k = 0; k <= KILLS; k++) {
      const agent = startAgent(file);
      const before = batches.size;
      await until(() => batches.size >= before + 3, 60_000, `batches from run ${k + 1}`);
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      if (k < KILLS) {
        agent.kill('SIGKILL');
        await new Promise((r) => agent.once('exit', r));
        await new Promise((r) => setTimeout(r, 500)); // produced while nobody reads
      } else {
        // Last run: stop cleanly after everything is acknowledged.
        await new Promise((r) => setTimeout(r, 1500));
        agent.kill('SIGTERM');
        await new Promise((r) => agent.once('exit', r));
      }
    }
    const seqs = [...batches.keys()].sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i));
    const perEquipment = new Map<string, number[]>();
    for (const b of batches.values()) {
      for (const p of b.points)
        if (p.tag === 'seq')
          perEquipment.set(p.equipment, [...(perEquipment.get(p.equipment) ?? []), p.value as number]);
    }
    let total = 0;
    let dupes = 0;
    let gaps = 0;
    for (const [, values] of perEquipment) {
      const sorted = [...values].sort((a, b) => a - b);
      const distinct = [...new Set(sorted)];
      dupes += sorted.length - distinct.length;
      const first = distinct[0] ?? 0;
      const last = distinct.at(-1) ?? 0;
      gaps += last - first + 1 - distinct.length;
      total += distinct.length;
    }
    console.log(
      `sigkill test: ${KILLS} kills, ${seqs.length} batches (${deliveries} deliveries), ${perEquipment.size} equipment, ` +
        `${total} sequence numbers, ${gaps} missing, ${dupes} duplicated`,
    );
    expect(perEquipment.size).toBeGreaterThan(3);
    expect(gaps).toBe(0);
    expect(dupes).toBe(0);
  }, 400_000);
});
