import { mkdirSync } from 'node:fs';
import { parseFaultSpec, type TFaultSpec } from './fault-spec.ts';
import { freePort, MeterModbusServer } from './modbus-server.ts';
import type { TTagValue } from './model-types.ts';
import {
  APPLICATION_URI,
  SIMULATOR_NAMESPACE_URI,
  SimulatorOpcuaServer,
  type TSecurityMode,
} from './opcua-server.ts';
import { SIMULATED_PLANTS, type TSimulatedPlant } from './plant-catalogue.ts';
import { PlantSimulation, type TActiveFault, type TTickResult } from './plant-simulation.ts';
import { SequenceHistory } from './sequence-history.ts';

export { decodeRegister, encodeRegister, registerMap, type TRegisterDef } from './energy-meters.ts';
export {
  FAULT_KINDS,
  FaultSpecError,
  formatFaultSpec,
  parseFaultSpec,
  type TFaultSpec,
} from './fault-spec.ts';
export { DEFECT_TYPE_NAMES_ZH, DEFECT_TYPES, EQUIPMENT_STATES, type TSurfaceDefect } from './model-types.ts';
export { nodeIdOf, SIMULATOR_NAMESPACE_URI, type TSecurityMode } from './opcua-server.ts';
export { SIMULATED_PLANTS, type TSimulatedPlant } from './plant-catalogue.ts';
export {
  simulatorModbusTags,
  simulatorOpcuaTags,
  type TSimulatorModbusTag,
  type TSimulatorOpcuaTag,
} from './tag-catalogue.ts';

export interface TPlantSimulatorOptions {
  /** Folder for the OPC UA server's PKI (own certificate and key, trusted/rejected client certificates). */
  pkiDir: string;
  /** PRNG seed; the same seed gives the same values tick for tick. Default 1. */
  seed?: number;
  /** Plants to model. Default both demo plants, RP and EP. */
  plants?: readonly TSimulatedPlant[];
  /** Tick period in ms: mills and presses update every tick, furnaces, environment and meters every 10. Default 100. */
  tickMs?: number;
  /** Plant seconds per real second (coils, billets and furnace cycles run this much faster). Default 1. */
  timeScale?: number;
  /** `realtime` ticks on a timer; `manual` ticks only when `advance(n)` is called (tests). Default realtime. */
  clock?: 'realtime' | 'manual';
  /** Source timestamp of tick 0 (tick n is stamped start + n * tickMs). Default now. */
  startTime?: Date | number;
  /** OPC UA port; 0 picks a free one. Default 0. */
  opcuaPort?: number;
  /** Modbus TCP port; 0 picks a free one. Default 0. */
  modbusPort?: number;
  /** Security modes offered (policy Basic256Sha256 for Sign and SignAndEncrypt). Default all three. */
  securityModes?: readonly TSecurityMode[];
  allowAnonymous?: boolean;
  users?: ReadonlyArray<{ username: string; password: string }>;
  /** Accept client certificates not yet in the server's trusted folder. Default true. */
  autoAcceptClientCertificates?: boolean;
  /** Add a `seq` variable per equipment (see README). Default false. */
  sequenceTags?: boolean;
  /** Sequence numbers kept for HistoryRead per equipment. Default 36 000 (an hour at 10 Hz). */
  historyCapacity?: number;
  /** Faults to inject at start (text form or parsed). */
  faults?: ReadonlyArray<string | TFaultSpec>;
  /** Log lines (start, faults, restarts). */
  onLog?: (line: string) => void;
}

export interface TPlantSimulatorHandle {
  readonly endpointUrl: string;
  readonly opcuaPort: number;
  readonly namespaceUri: string;
  readonly applicationUri: string;
  /** The server's own certificate (PEM): what a client trusts to accept this server. */
  readonly certificateFile: string;
  /** PKI folder whose trusted/ and rejected/ hold client (application instance) certificates. */
  readonly serverPkiDir: string;
  /** PKI folder for X.509 user logins: a user certificate is accepted once it is in trusted/certs here. */
  readonly userPkiDir: string;
  readonly modbus: { host: string; port: number; unitId: number };
  readonly seed: number;
  readonly plants: readonly TSimulatedPlant[];
  /** Ticks run so far. */
  tick(): number;
  /** Manual clock: run n ticks now (each one published). Throws under the realtime clock. */
  advance(ticks: number): void;
  /**
   * Realtime clock: stop producing (the servers stay up and keep serving the last values), e.g. so a test can
   * let a pipeline drain and compare what arrived with producedCount(). `resume()` carries on from the wall
   * clock; the paused time produces nothing.
   */
  pause(): void;
  resume(): void;
  injectFault(spec: string | TFaultSpec): number;
  clearFault(id: number): boolean;
  activeFaults(): TActiveFault[];
  /** Server restart fault: stop the OPC UA server, wait downMs, start it again on the same port and endpoint. */
  restart(downMs?: number): Promise<void>;
  /** Equipment updates produced so far: the sum of every equipment's `seq`. */
  producedCount(): number;
  /** Last sequence number per equipment ("RP/CM-1" -> n). */
  lastSequences(): Record<string, number>;
  /** Last meter sample sequence per meter ("RP/EM-RP" -> n). */
  meterSequences(): Record<string, number>;
  /** Current values per equipment ("RP/CM-1" -> { tag: value }), faults applied: what the server shows. */
  values(): Record<string, Record<string, TTagValue>>;
  /** Current meter readings in engineering units ("EM-RP/energy" -> kWh). */
  meterReadings(): Record<string, number>;
  /** Resolves once a pending restart (from a fault) has finished. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlantSimulator(options: TPlantSimulatorOptions): Promise<TPlantSimulatorHandle> {
  if (!options.pkiDir) throw new Error('pkiDir is required: the folder the OPC UA server keeps its PKI in');
  const seed = options.seed ?? 1;
  const plants = options.plants ?? SIMULATED_PLANTS;
  for (const p of plants) {
    if (!(SIMULATED_PLANTS as readonly string[]).includes(p)) {
      throw new Error(`plants: unknown plant "${p}" (simulated: ${SIMULATED_PLANTS.join(', ')})`);
    }
  }
  for (const key of ['opcuaPort', 'modbusPort'] as const) {
    const port = options[key];
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new Error(`${key} must be 0 (a free port) or 1..65535, got ${port}`);
    }
  }
  const tickMs = options.tickMs ?? 100;
  const clock = options.clock ?? 'realtime';
  const sequenceTags = options.sequenceTags ?? false;
  const log = options.onLog ?? (() => {});
  const sim = new PlantSimulation({ seed, plants, tickMs, timeScale: options.timeScale ?? 1 });
  const faults = (options.faults ?? []).map((f) => (typeof f === 'string' ? parseFaultSpec(f) : f));
  for (const f of faults) sim.injectFault(f); // validates against the plant before anything starts

  const histories = new Map<string, SequenceHistory>();
  if (sequenceTags) {
    for (const m of sim.models)
      histories.set(`${m.plant}/${m.code}`, new SequenceHistory(options.historyCapacity ?? 36_000));
  }
  const lastValues = new Map<string, Record<string, TTagValue>>();
  for (const m of sim.models) lastValues.set(`${m.plant}/${m.code}`, m.read());

  mkdirSync(options.pkiDir, { recursive: true });
  const fixedPort = options.opcuaPort !== undefined && options.opcuaPort > 0;
  const opcuaPort = fixedPort ? (options.opcuaPort as number) : await freePort();
  const opcua = new SimulatorOpcuaServer(sim, histories, {
    port: opcuaPort,
    pkiDir: options.pkiDir,
    securityModes: options.securityModes ?? ['None', 'Sign', 'SignAndEncrypt'],
    allowAnonymous: options.allowAnonymous ?? true,
    users: options.users ?? [],
    autoAcceptClientCertificates: options.autoAcceptClientCertificates ?? true,
    sequenceTags,
  });
  const modbus = new MeterModbusServer(sim.meters);
  let t0 = options.startTime === undefined ? Date.now() : new Date(options.startTime).getTime();
  let offsetMs = 0; // realtime: ticks skipped after a stall
  const tsOf = (tick: number) => t0 + offsetMs + tick * tickMs;

  for (let attempt = 0; ; attempt++) {
    try {
      await opcua.start(lastValues, tsOf(0));
      break;
    } catch (err) {
      // a free port found by probing may be taken before the server binds it: probe again
      if (fixedPort || attempt >= 4) throw err;
      await opcua.stop().catch(() => {});
      opcua.usePort(await freePort());
    }
  }
  try {
    await modbus.start(options.modbusPort ?? 0);
  } catch (err) {
    await opcua.stop();
    throw err;
  }
  // the realtime clock starts once the servers are up (certificate creation may take a second)
  if (options.startTime === undefined && clock === 'realtime') t0 = Date.now();
  log(`plant simulator: OPC UA ${opcua.endpointUrl}, Modbus TCP 127.0.0.1:${modbus.port}, seed ${seed}`);

  let restarting: Promise<void> = Promise.resolve();
  let stopped = false;

  const restart = async (downMs = 2000): Promise<void> => {
    const run = async () => {
      if (stopped) return;
      log(`plant simulator: OPC UA server restart (down ${downMs} ms)`);
      await opcua.stop();
      await new Promise((r) => setTimeout(r, downMs));
      if (stopped) return;
      for (let attempt = 0; ; attempt++) {
        try {
          await opcua.start(lastValues, tsOf(sim.tick));
          break;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      log('plant simulator: OPC UA server back');
    };
    restarting = restarting.then(run, run);
    return restarting;
  };

  const runTick = (): TTickResult => {
    const r = sim.advance();
    const ts = tsOf(r.tick);
    for (const u of r.updates) {
      lastValues.set(`${u.model.plant}/${u.model.code}`, u.values);
      histories.get(`${u.model.plant}/${u.model.code}`)?.push(ts, u.seq);
    }
    opcua.publish(r, ts);
    for (const x of r.restarts) {
      restart(x.downS * 1000).catch((err: unknown) => log(`plant simulator: restart failed: ${String(err)}`));
    }
    return r;
  };

  let timer: NodeJS.Timeout | undefined;
  let paused = false;
  let resumeLoop: () => void = () => {};
  if (clock === 'realtime') {
    const loop = () => {
      if (stopped || paused) return;
      const due = Math.floor((Date.now() - t0 - offsetMs) / tickMs);
      let behind = due - sim.tick;
      if (behind > 50) {
        // the process stalled: skip ahead rather than burst (timestamps stay on the wall clock)
        offsetMs += (behind - 1) * tickMs;
        log(`plant simulator: stalled, skipped ${behind - 1} ticks`);
        behind = 1;
      }
      for (let i = 0; i < behind; i++) runTick();
      timer = setTimeout(loop, Math.max(1, tsOf(sim.tick + 1) - Date.now()));
    };
    timer = setTimeout(loop, tickMs);
    resumeLoop = () => {
      // carry on from now: the ticks of the pause are not produced, timestamps keep increasing
      offsetMs = Date.now() - t0 - sim.tick * tickMs;
      timer = setTimeout(loop, tickMs);
    };
  }

  return {
    endpointUrl: opcua.endpointUrl,
    opcuaPort: opcua.portNumber,
    namespaceUri: SIMULATOR_NAMESPACE_URI,
    applicationUri: APPLICATION_URI,
    certificateFile: opcua.certificateFile,
    serverPkiDir: opcua.clientPkiDir,
    userPkiDir: opcua.userPkiDir,
    modbus: { host: '127.0.0.1', port: modbus.port, unitId: 1 },
    seed,
    plants,
    tick: () => sim.tick,
    advance(ticks: number) {
      if (clock !== 'manual') throw new Error('advance() needs clock: "manual"');
      if (!Number.isInteger(ticks) || ticks < 0)
        throw new Error(`ticks must be a whole number >= 0, got ${ticks}`);
      for (let i = 0; i < ticks; i++) runTick();
    },
    pause() {
      paused = true;
      if (timer) clearTimeout(timer);
    },
    resume() {
      if (!paused || stopped) return;
      paused = false;
      resumeLoop();
    },
    injectFault(spec) {
      const parsed = typeof spec === 'string' ? parseFaultSpec(spec) : spec;
      const id = sim.injectFault(parsed);
      log(`plant simulator: fault ${id} injected: ${typeof spec === 'string' ? spec : parsed.kind}`);
      return id;
    },
    clearFault: (id) => sim.clearFault(id),
    activeFaults: () => sim.activeFaults(),
    restart,
    producedCount: () => sim.producedCount(),
    lastSequences: () => sim.sequences(),
    meterSequences: () => sim.meters.sequences(),
    values: () => Object.fromEntries(lastValues),
    meterReadings: () => sim.meters.readings(),
    settled: () => restarting,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await restarting.catch(() => {});
      await Promise.all([opcua.stop(), modbus.stop()]);
    },
  };
}
