import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TTelemetryBatch, ZTelemetryBatch } from '@ingot/contracts';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorConnectorConfig } from '../cli/simulator-connector-config.ts';
import { ZConnectorConfig } from '../config/connector-config.ts';
import { silentLogger } from '../logger.ts';
import {
  simulatorModbusTags,
  simulatorOpcuaTags,
  startPlantSimulator,
  type TPlantSimulatorHandle,
} from '../simulator/index.ts';
import { trustCertificateFile } from '../sources/pki.ts';
import { Agent } from './agent.ts';

// Plant simulator (OPC UA + Modbus TCP) -> connector agent -> the real Mosquitto from services.env.
const MQTT_URL = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:18830';
const MQTT_USERNAME = process.env.MQTT_TEST_CONNECTOR_USERNAME;
const MQTT_PASSWORD = process.env.MQTT_TEST_CONNECTOR_PASSWORD;

let dir: string;
let sim: TPlantSimulatorHandle;
let observer: MqttClient;
const tenant = `t2sim-${randomUUID().slice(0, 8)}`;
const batches: TTelemetryBatch[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ingot-sim-agent-'));
  sim = await startPlantSimulator({
    pkiDir: path.join(dir, 'sim-pki'),
    plants: ['RP'],
    tickMs: 100,
    sequenceTags: true,
  });
  observer = await mqtt.connectAsync(MQTT_URL, {
    protocolVersion: 5,
    clientId: `t2-sim-observer-${randomUUID().slice(0, 8)}`,
    username: MQTT_USERNAME,
    password: MQTT_PASSWORD,
  });
  observer.on('message', (_topic, payload) =>
    batches.push(ZTelemetryBatch.parse(JSON.parse(payload.toString('utf8')))),
  );
  await observer.subscribeAsync(`ingot/v1/${tenant}/+/+/telemetry`, { qos: 1 });
}, 120_000);

afterAll(async () => {
  await observer?.endAsync();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('plant simulator -> connector -> Mosquitto', () => {
  it('carries the cold mill, furnace and meter tags with increasing sequence numbers', async () => {
    const dataDir = path.join(dir, 'connector');
    const config = ZConnectorConfig.parse(
      simulatorConnectorConfig({
        plant: 'RP',
        tenant,
        connectorId: 'sim-rp',
        dataDir,
        mqttUrl: MQTT_URL,
        endpointUrl: sim.endpointUrl,
        modbus: sim.modbus,
        opcuaTags: simulatorOpcuaTags(['RP'], { sequenceTags: true }),
        modbusTags: simulatorModbusTags(['RP']),
      }),
    );
    config.mqtt.username = MQTT_USERNAME;
    config.mqtt.password = MQTT_PASSWORD;
    trustCertificateFile(dataDir, sim.certificateFile);
    const agent = new Agent({ config, version: 'test', log: silentLogger });
    await agent.start();
    try {
      const end = Date.now() + 60_000;
      const has = (source: string) => config.sources.find((s) => s.id === source);
      expect(has('rp-opcua')).toBeDefined();
      expect(has('rp-meters')).toBeDefined();
      const modbusEquipment = new Set(
        config.sources.find((s) => s.kind === 'modbus')?.tags.map((t) => t.equipment),
      );
      while (Date.now() < end) {
        const pts = batches.flatMap((b) => b.points);
        const seqs = pts.filter((p) => p.tag === 'seq');
        if (seqs.length >= 50 && pts.some((p) => modbusEquipment.has(p.equipment))) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const points = batches.flatMap((b) => b.points);
      expect(points.some((p) => modbusEquipment.has(p.equipment) && typeof p.value === 'number')).toBe(true);
      const equipment = new Set(points.map((p) => p.equipment));
      expect(equipment.size).toBeGreaterThan(2);
      // Per equipment, the sequence tag only grows.
      const byEquipment = new Map<string, number[]>();
      for (const p of points.filter((q) => q.tag === 'seq')) {
        byEquipment.set(p.equipment, [...(byEquipment.get(p.equipment) ?? []), p.value as number]);
      }
      for (const [, values] of byEquipment) expect(values).toEqual([...values].sort((a, b) => a - b));
      const distinct = [...new Set(batches.map((b) => b.batchSeq))].sort((a, b) => a - b);
      expect(distinct).toEqual(Array.from({ length: distinct.length }, (_, i) => i));
      const hb = agent.heartbeatMessage();
      expect(hb.sources.map((s) => s.state)).toEqual(['connected', 'connected']);
      console.log(
        `simulator test: ${points.length} points in ${distinct.length} batches from ${equipment.size} equipment; ` +
          `${hb.pointsPerS} points/s read`,
      );
    } finally {
      await agent.stop();
    }
  });
});
