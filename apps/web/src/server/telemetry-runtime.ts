/**
 * Telemetry inside the platform process (`npm start`, issue 4 item 8). This process owns PGlite, so it also owns
 * the embedded column store (chDB allows one data directory per process):
 *
 *   ingot-connector simulate (child) ──OPC UA/Modbus──> ingot-connector run (child)
 *     ──MQTT 3.1.1, QoS 1──> embedded aedes broker (loopback, the platform's auth hooks)
 *     ──publish hook──> ingest ──> chDB at <data dir>/chdb ──> TelemetryStore (getTelemetryRuntime() in telemetry-handle.ts).
 *
 * chDB runs in a worker thread of this process (packages/telemetry/src/chdb-worker.ts): ingest's inserts and the
 * portal's telemetry reads are messages to it, so the engine's work stays off the event loop that serves the portal
 * and off Node's libuv pool (file reads, scrypt). The thread closes with the store in stop().
 *
 * The demo connector `sim-rp` of the demo tenant's rolling plant is created when missing and given credentials
 * through the domain (ensureConnectorCredentials); its password lives in `<data dir>/telemetry/sim-rp.password`
 * (mode 600) and is reissued only when it no longer matches. The broker listens on a free loopback port chosen at
 * each start, and the agent's configuration is regenerated for it, so two platform processes (npm start beside
 * e2e) never collide. The children are stopped with the platform (SIGTERM, then SIGKILL) and restarted if they
 * die while it runs. INGOT_TELEMETRY=off switches all of it off; INGOT_TELEMETRY=store opens only the store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@ingot/db';
import { ensureConnectorCredentials } from '@ingot/domain';
import { fileDeadLetterSink, jsonLogger, startEmbeddedIngest } from '@ingot/ingest';
import { openTelemetryStore } from '@ingot/telemetry';
import { env, type TWebEnv } from '../env.ts';
import { setTelemetryRuntime, type TTelemetryRuntime } from './telemetry-handle.ts';

/** The telemetry settings of the portal's environment (src/env.ts). */
export type TTelemetryEnv = Pick<TWebEnv, 'INGOT_TELEMETRY' | 'INGOT_TELEMETRY_MQTT_PORT'>;

export const DEMO_CONNECTOR = {
  tenantSlug: 'east-china-al',
  plantCode: 'RP',
  code: 'sim-rp',
  name: '轧制厂模拟连接器 Rolling plant simulator',
} as const;

export interface TStartTelemetryOptions {
  db: Db;
  /** The platform's data folder (`.ingot`): chDB in `chdb/`, agent and simulator files in `telemetry/`. */
  dataDir: string;
  /** The demo tenant's id when the demo was seeded; without it no demo connector runs. */
  demoTenantId: string | null;
  settings?: TTelemetryEnv;
  log?: (msg: string) => void;
}

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CLI = path.join(ROOT, 'apps/connector/bin/ingot-connector.mjs');

/** A child process kept alive while the platform runs (restarted 5 s after an unexpected exit). */
class Supervised {
  private child: ChildProcess | null = null;
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly name: string,
    private readonly args: string[],
    private readonly logFile: string,
    private readonly log: (msg: string) => void,
    private readonly onStdout?: (text: string) => void,
  ) {}
  start(): void {
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [CLI, ...this.args], {
      cwd: ROOT,
      stdio: ['ignore', this.onStdout ? 'pipe' : out, out],
    });
    fs.closeSync(out);
    child.stdout?.on('data', (d: Buffer) => {
      fs.appendFileSync(this.logFile, d);
      this.onStdout?.(d.toString());
    });
    child.once('exit', (code, signal) => {
      this.child = null;
      if (this.stopping) return;
      this.log(`${this.name} exited (${signal ?? code}): restarting in 5 s (log ${this.logFile})`);
      this.timer = setTimeout(() => this.start(), 5000);
    });
    this.child = child;
  }
  /** Stops the running child; the exit handler starts a new one. */
  restart(): void {
    this.child?.kill('SIGTERM');
  }
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
  }
}

function readKnownPassword(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * Opens the store and, unless switched off, starts the broker with ingest, makes sure the demo connector has
 * credentials, and starts the simulator and the agent. Registers the runtime for getTelemetryRuntime().
 */
export async function startTelemetryRuntime(opts: TStartTelemetryOptions): Promise<TTelemetryRuntime | null> {
  const settings = opts.settings ?? env;
  const log = opts.log ?? ((m: string) => console.log(`[telemetry] ${m}`));
  if (settings.INGOT_TELEMETRY === 'off') {
    log('INGOT_TELEMETRY=off: no telemetry store, broker, ingest or simulator');
    return null;
  }
  const chdbDir = path.join(opts.dataDir, 'chdb');
  const dir = path.join(opts.dataDir, 'telemetry');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const store = openTelemetryStore({ backend: 'chdb', dataDir: chdbDir });
  await store.ensureSchema();
  log(`telemetry store: chDB in ${chdbDir}`);
  const runtime: TTelemetryRuntime = {
    store,
    ingest: null,
    brokerUrl: null,
    demoConnector: null,
    async stop() {
      await store.close();
    },
  };
  setTelemetryRuntime(runtime);
  if (settings.INGOT_TELEMETRY === 'store') return runtime;
  try {
    await startPipeline(runtime, opts, dir, log);
  } catch (e) {
    // Nothing half-started is left behind: children, broker and store are stopped, the portal runs without them.
    await runtime.stop().catch(() => undefined);
    setTelemetryRuntime(null);
    throw e;
  }
  return runtime;
}

async function startPipeline(
  runtime: TTelemetryRuntime,
  opts: TStartTelemetryOptions,
  dir: string,
  log: (msg: string) => void,
): Promise<void> {
  const settings = opts.settings ?? env;
  const store = runtime.store;

  const ingest = await startEmbeddedIngest({
    db: opts.db,
    store,
    deadLetters: fileDeadLetterSink(path.join(dir, 'dead-letters')),
    log: jsonLogger('ingest', (line) => fs.appendFileSync(path.join(dir, 'ingest.log'), `${line}\n`)),
    host: '127.0.0.1',
    port: settings.INGOT_TELEMETRY_MQTT_PORT,
  });
  runtime.ingest = ingest;
  runtime.brokerUrl = `mqtt://127.0.0.1:${ingest.broker.port}`;
  log(`embedded MQTT broker on ${runtime.brokerUrl} (ingest log ${path.join(dir, 'ingest.log')})`);

  const children: Supervised[] = [];
  runtime.stop = async () => {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    await ingest.close().catch(() => undefined);
    await store.close();
    setTelemetryRuntime(null);
  };
  if (!opts.demoTenantId) {
    log('demo tenants not seeded: no simulator or demo connector');
    return;
  }

  const passwordFile = path.join(dir, `${DEMO_CONNECTOR.code}.password`);
  const ensured = await ensureConnectorCredentials(opts.db, {
    tenantId: opts.demoTenantId,
    plantCode: DEMO_CONNECTOR.plantCode,
    code: DEMO_CONNECTOR.code,
    name: DEMO_CONNECTOR.name,
    knownPassword: readKnownPassword(passwordFile),
  });
  if (ensured.issued) fs.writeFileSync(passwordFile, ensured.password, { mode: 0o600 });
  fs.chmodSync(passwordFile, 0o600);
  log(
    ensured.issued
      ? `credentials issued for demo connector ${ensured.username} (${passwordFile}, mode 600)`
      : `demo connector ${ensured.username}: credentials in ${passwordFile} still valid`,
  );
  runtime.demoConnector = ensured.username;

  const config = path.join(dir, `connector-${DEMO_CONNECTOR.plantCode.toLowerCase()}.yaml`);
  const agentRef: { current: Supervised | null } = { current: null };
  let configWritten: () => void = () => undefined;
  const written = new Promise<void>((r) => {
    configWritten = r;
  });
  const simulator = new Supervised(
    'simulator',
    [
      'simulate',
      '--pki-dir',
      path.join(dir, 'simulator-pki'),
      '--plants',
      DEMO_CONNECTOR.plantCode,
      '--connector-config',
      config,
      '--connector-plant',
      DEMO_CONNECTOR.plantCode,
      '--connector-id',
      ensured.code,
      '--tenant',
      ensured.tenantSlug,
      '--mqtt-url',
      runtime.brokerUrl,
      '--mqtt-username',
      ensured.username,
      '--mqtt-password-file',
      passwordFile,
      // aedes speaks MQTT 3.1.1.
      '--mqtt-protocol',
      '4',
      '--data-dir',
      path.join(dir, `agent-${DEMO_CONNECTOR.plantCode.toLowerCase()}`),
    ],
    path.join(dir, 'simulator.log'),
    log,
    (text) => {
      if (!text.includes('connector configuration')) return;
      configWritten();
      // A restarted simulator listens on new ports and rewrote the configuration: the agent must reload it.
      agentRef.current?.restart();
    },
  );
  children.push(simulator);
  simulator.start();
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000).unref());
  if ((await Promise.race([written, timeout])) === 'timeout') {
    log(
      `the simulator wrote no connector configuration within 60 s (log ${path.join(dir, 'simulator.log')})`,
    );
    return;
  }
  const agent = new Supervised(
    'connector agent',
    ['run', '--config', config],
    path.join(dir, 'agent.log'),
    log,
  );
  agentRef.current = agent;
  children.push(agent);
  agent.start();
  log(
    `plant simulator (${DEMO_CONNECTOR.plantCode}) and connector ${ensured.username} started (logs in ${dir}; status: ` +
      `node apps/connector/bin/ingot-connector.mjs status --config ${config})`,
  );
}
