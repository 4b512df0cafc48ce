import type { TConnectorConfigInput } from '../config/connector-config.ts';

interface OpcuaTagRow {
  nodeId: string;
  plant: string;
  equipment: string;
  tag: string;
}
interface ModbusTagRow {
  plant: string;
  equipment: string;
  tag: string;
  table: 'holding';
  address: number;
  type: 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32';
  byteOrder: 'big' | 'little';
  wordOrder: 'big' | 'little';
  scale: number;
  offset: number;
}

export interface SimulatorConnectorConfigInput {
  plant: string;
  tenant: string;
  connectorId: string;
  dataDir: string;
  mqttUrl: string;
  mqttUsername?: string;
  mqttPasswordFile?: string;
  protocolVersion?: 4 | 5;
  endpointUrl: string;
  modbus: { host: string; port: number; unitId: number };
  opcuaTags: OpcuaTagRow[];
  modbusTags: ModbusTagRow[];
}

/**
 * A connector configuration for one simulated plant: its OPC UA tags over SignAndEncrypt and its energy
 * meters over Modbus TCP. Used by `ingot-connector simulate --connector-config FILE` (and `npm start`).
 */
export function simulatorConnectorConfig(i: SimulatorConnectorConfigInput): TConnectorConfigInput {
  const opcua = i.opcuaTags.filter((t) => t.plant === i.plant);
  const modbus = i.modbusTags.filter((t) => t.plant === i.plant);
  if (opcua.length === 0 && modbus.length === 0)
    throw new Error(`the simulator serves no tags for plant "${i.plant}"`);
  const sources: TConnectorConfigInput['sources'] = [];
  if (opcua.length > 0) {
    sources.push({
      id: `${i.plant.toLowerCase()}-opcua`,
      kind: 'opcua',
      endpointUrl: i.endpointUrl,
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'Basic256Sha256',
      publishingIntervalMs: 250,
      // 0 = report every change (exception-based): a sampled item keeps one value per interval, and
      // the simulator may produce several at once after a stall.
      samplingIntervalMs: 0,
      queueSize: 100,
      tags: opcua.map((t) => ({ nodeId: t.nodeId, equipment: t.equipment, tag: t.tag })),
    });
  }
  if (modbus.length > 0) {
    sources.push({
      id: `${i.plant.toLowerCase()}-meters`,
      kind: 'modbus',
      host: i.modbus.host,
      port: i.modbus.port,
      unitId: i.modbus.unitId,
      pollIntervalMs: 1000,
      tags: modbus.map((t) => ({
        equipment: t.equipment,
        tag: t.tag,
        table: t.table,
        address: t.address,
        type: t.type,
        byteOrder: t.byteOrder,
        wordOrder: t.wordOrder,
        scale: t.scale,
        offset: t.offset,
      })),
    });
  }
  return {
    connector: { id: i.connectorId, tenant: i.tenant, plant: i.plant },
    dataDir: i.dataDir,
    mqtt: {
      url: i.mqttUrl,
      ...(i.mqttUsername ? { username: i.mqttUsername } : {}),
      ...(i.mqttPasswordFile ? { passwordFile: i.mqttPasswordFile } : {}),
      ...(i.protocolVersion ? { protocolVersion: i.protocolVersion } : {}),
    },
    status: { intervalMs: 5000 },
    batching: { maxPoints: 1000, maxDelayMs: 250 },
    sources,
  };
}
