import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { ZConnectorConfig } from '../config/connector-config.ts';
import type { CliIo } from './cli.ts';
import { simulatorConnectorConfig } from './simulator-connector-config.ts';

interface SimulateFlags {
  'pki-dir'?: string;
  seed?: string;
  plants?: string;
  'tick-ms'?: string;
  'opcua-port'?: string;
  'modbus-port'?: string;
  'sequence-tags'?: boolean;
  fault?: string[];
  'connector-config'?: string;
  'connector-plant'?: string;
  'connector-id'?: string;
  tenant?: string;
  'mqtt-url'?: string;
  'mqtt-username'?: string;
  'mqtt-password-file'?: string;
  'mqtt-protocol'?: string;
  'data-dir'?: string;
}

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${v}"`);
  return n;
}

/** `ingot-connector simulate`: starts the plant simulator (src/simulator) until SIGINT/SIGTERM. */
export async function simulateCommand(flags: SimulateFlags, io: CliIo): Promise<number> {
  const { startPlantSimulator, simulatorModbusTags, simulatorOpcuaTags } = await import(
    '../simulator/index.ts'
  );
  const plants = flags.plants
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean) as Parameters<typeof startPlantSimulator>[0]['plants'];
  const sim = await startPlantSimulator({
    pkiDir: path.resolve(flags['pki-dir'] ?? './simulator-pki'),
    seed: int('seed', flags.seed),
    plants,
    tickMs: int('tick-ms', flags['tick-ms']),
    opcuaPort: int('opcua-port', flags['opcua-port']),
    modbusPort: int('modbus-port', flags['modbus-port']),
    sequenceTags: flags['sequence-tags'] === true,
    faults: flags.fault ?? [],
    onLog: (line) => io.err(line),
  });
  io.out(`OPC UA   ${sim.endpointUrl}`);
  io.out(`Modbus   ${sim.modbus.host}:${sim.modbus.port} unit ${sim.modbus.unitId}`);
  io.out(
    `server certificate (trust it in the connector: ingot-connector pki trust FILE): ${sim.certificateFile}`,
  );
  return new Promise<number>((resolve) => {
    const stop = () => {
      sim.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
