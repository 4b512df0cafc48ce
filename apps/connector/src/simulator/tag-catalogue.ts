import { registerMap, type TRegisterDef } from './energy-meters.ts';
import { nodeIdOf } from './opcua-server.ts';
import { buildPlantModels, type TSimulatedPlant } from './plant-catalogue.ts';

/**
 * What the simulator serves, as lists a connector configuration can be generated from: every OPC UA tag
 * (node id, equipment, tag) and every Modbus register (equipment, tag, address, type, word order, scale),
 * the latter in the shape of the connector's Modbus tag configuration.
 */

export interface TSimulatorOpcuaTag {
  nodeId: string;
  plant: string;
  equipment: string;
  tag: string;
  dataType: 'Double' | 'UInt32' | 'String';
  unit?: string;
  description: string;
}

export function simulatorOpcuaTags(
  plants: readonly TSimulatedPlant[],
  options: { sequenceTags?: boolean } = {},
): TSimulatorOpcuaTag[] {
  const out: TSimulatorOpcuaTag[] = [];
  for (const m of buildPlantModels(0, plants)) {
    for (const t of m.tags) {
      const row: TSimulatorOpcuaTag = {
        nodeId: nodeIdOf(m.plant, m.code, t.name),
        plant: m.plant,
        equipment: m.code,
        tag: t.name,
        dataType: t.dataType,
        description: t.description,
      };
      if (t.unit) row.unit = t.unit.symbol;
      out.push(row);
    }
    if (options.sequenceTags) {
      out.push({
        nodeId: nodeIdOf(m.plant, m.code, 'seq'),
        plant: m.plant,
        equipment: m.code,
        tag: 'seq',
        dataType: 'UInt32',
        description: 'Sequence number of the equipment update',
      });
    }
  }
  return out;
}

export interface TSimulatorModbusTag {
  plant: string;
  equipment: string;
  tag: string;
  table: 'holding';
  address: number;
  type: TRegisterDef['type'];
  byteOrder: 'big';
  wordOrder: TRegisterDef['wordOrder'];
  scale: number;
  offset: 0;
  unit: string;
}

export function simulatorModbusTags(plants: readonly TSimulatedPlant[]): TSimulatorModbusTag[] {
  return registerMap(plants).map((r) => ({
    plant: r.plant,
    equipment: r.equipment,
    tag: r.tag,
    table: 'holding',
    address: r.address,
    type: r.type,
    byteOrder: 'big',
    wordOrder: r.wordOrder,
    scale: r.scale,
    offset: 0,
    unit: r.unit,
  }));
}
