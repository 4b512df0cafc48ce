/**
 * The whole telemetry path across processes, as a plant runs it:
 *
 *   `ingot-connector simulate` (OPC UA + Modbus, child) -> `ingot-connector run` (child, spool, MQTT 5)
 *   -> a real Mosquitto (own instance, password/ACL files generated from the registry) -> ingest
 *   (bin/ingest.ts, child, shared subscription) -> chDB -> TelemetryStore queries in this process.
 *
 * The connector is registered and its credentials issued through the domain functions in a fresh database.
 * Nothing is imported from an app: the simulator and the agent run through their CLI.
 *
 * Test 1 asserts the values (every `seq` of each equipment once, in order, and the physical range of known tags).
 * Test 2 is the fault run of issue 4: the connector SIGKILLed ten times, the broker unreachable for 60 s (a loopback
 * TCP proxy in front of Mosquitto is cut: both the agent and ingest lose the broker, while Mosquitto keeps ingest's
 * session), ingest SIGKILLed three times; afterwards every sequence number produced since the agent first
 * subscribed is stored exactly once. It prints the counts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withTenant } from '@ingot/db';
import { createConnector, issueConnectorCredentials, type TTenantContext } from '@ingot/domain';
import { openTelemetryStore, type TelemetryStore } from '@ingot/telemetry';
import type { TestDatabase } from '@ingot/testing';
import { AttributeIds, MessageSecurityMode, OPCUAClient, SecurityPolicy } from 'node-opcua';
import { afterAll, describe, expect, it } from 'vitest';
import { shareGroupFor } from '../broker-auth/acl.ts';
import type { TConnectorIdentity } from '../broker-auth/identity.ts';
import { buildMosquittoAuthFiles } from '../broker-auth/mosquitto-files.ts';
import { openSeededDatabase } from '../test-support/fixtures.ts';
import { startTestMosquitto, type TTestMosquitto } from '../test-support/mosquitto.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const CLI = path.join(ROOT, 'apps/connector/bin/ingot-connector.mjs');
const INGEST_BIN = path.resolve(import.meta.dirname, '../../bin/ingest.ts');
const SERVICE_PASSWORD = 'pipeline-service-secret-0123456789';
const TENANT = 'east-china-al';
const PLANT = 'RP';
/** Equipment of RP updated every tick (10 Hz) and one updated every 10th tick (1 Hz). */
const FAST = ['CM-1', 'CM-2', 'FM-1', 'HM-1'];
const SLOW = ['AF-1'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A child process whose output is kept in a log file (printed when a test fails). */
interface Proc {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function startProc(name: string, args: string[], env: Record<string, string>, logDir: string): Proc {
  let out = '';
  const file = path.join(logDir, `${name}.log`);
  // node itself, never a launcher, so SIGKILL hits the process that does the work.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const keep = (d: Buffer) => {
    out += d.toString();
    fs.appendFileSync(file, d);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await cond()) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

async function stopProc(p: Proc | null, ms = 20_000): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), ms);
  await p.exited;
  clearTimeout(t);
}

/** Loopback TCP proxy in front of the broker; `cut()` closes the port and every connection through it. */
class BrokerProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  constructor(
    readonly port: number,
    private readonly target: number,
  ) {}
  get url() {
    return `mqtt://127.0.0.1:${this.port}`;
  }
  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          this.sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((r) => server.close(() => r(undefined)));
  }
}

interface Rig {
  dir: string;
  database: TestDatabase;
  identity: TConnectorIdentity;
  password: string;
  mosquitto: TTestMosquitto;
  chdbDir: string;
}

/** Fresh database with the demo seed, a connector created and issued credentials as the tenant's administrator. */
async function setUp(code: string): Promise<Rig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ingot-pipeline-${code}-`));
  const database = await openSeededDatabase();
  const [who] = await database.ownerQuery<{
    tenant_id: string;
    membership_id: string;
    user_id: string;
    plant_id: string;
  }>(
    `SELECT t.id::text AS tenant_id, m.id::text AS membership_id, m.user_id::text AS user_id, p.id::text AS plant_id
       FROM tenant t JOIN membership m ON m.tenant_id = t.id JOIN plant p ON p.tenant_id = t.id AND p.code = $2
      WHERE t.slug = $1 AND 'tenant_admin' = ANY (m.roles) LIMIT 1`,
    [TENANT, PLANT],
  );
  if (!who) throw new Error(`no administrator or plant ${PLANT} in ${TENANT}`);
  const ctx: TTenantContext = {
    tenantId: who.tenant_id,
    userId: who.user_id,
    membershipId: who.membership_id,
    roles: ['tenant_admin'],
    plantIds: [],
  };
  const issued = await withTenant(database.db, { tenantId: ctx.tenantId }, async (tx) => {
    const created = await createConnector(tx, ctx, { plantId: who.plant_id, code, name: `Pipeline ${code}` });
    return issueConnectorCredentials(tx, ctx, { id: created.id });
  });
  const identity: TConnectorIdentity = {
    kind: 'connector',
    username: issued.username,
    connectorId: issued.connector.id,
    tenantId: ctx.tenantId,
    tenantSlug: TENANT,
    plantId: who.plant_id,
    plantCode: PLANT,
    connectorCode: code,
  };
  // Mosquitto cannot check scrypt hashes: its password file is generated from the registry plus the issued password.
  const mosquitto = await startTestMosquitto(
    buildMosquittoAuthFiles(
      [{ identity, revoked: false, password: issued.password }],
      [{ username: 'ingot-ingest-0', password: SERVICE_PASSWORD }],
      { shareGroup: shareGroupFor(SERVICE_PASSWORD) },
    ),
  );
  fs.writeFileSync(path.join(dir, 'mqtt-password'), issued.password, { mode: 0o600 });
  return { dir, database, identity, password: issued.password, mosquitto, chdbDir: path.join(dir, 'chdb') };
}

async function tearDown(rig: Rig | undefined): Promise<void> {
  if (!rig) return;
  await rig.mosquitto.stop();
  await rig.database.close();
  if (process.env.INGOT_KEEP_TEST_LOGS) console.log(`logs kept in ${rig.dir}`);
  else fs.rmSync(rig.dir, { recursive: true, force: true, maxRetries: 3 });
}

function startIngest(rig: Rig, mqttUrl: string): Proc {
  if (!rig.database.url) throw new Error('ingest needs PostgreSQL: the test database has no URL');
  return startProc(
    `ingest-${Date.now()}`,
    ['--import', 'tsx', INGEST_BIN],
    {
      MQTT_URL: mqttUrl,
      DATABASE_URL: rig.database.url,
      INGEST_MQTT_PASSWORD: SERVICE_PASSWORD,
      INGEST_REPLICA: '0',
      INGEST_SHARE_GROUP: 'secret',
      INGEST_CHDB_DIR: rig.chdbDir,
    },
    rig.dir,
  );
}

const untilSubscribed = (p: Proc) =>
  waitFor('ingest subscribed', () => p.output().includes('ingest subscribed'), 60_000);

/** The simulator of plant RP with sequence numbers; it writes the agent's configuration for `mqttUrl`. */
async function startSimulator(
  rig: Rig,
  mqttUrl: string,
): Promise<{ proc: Proc; endpoint: string; config: string }> {
  const config = path.join(rig.dir, 'connector.yaml');
  const proc = startProc(
    'simulator',
    [
      CLI,
      'simulate',
      '--pki-dir',
      path.join(rig.dir, 'sim-pki'),
      '--plants',
      PLANT,
      '--seed',
      '7',
      '--sequence-tags',
      '--connector-config',
      config,
      '--connector-plant',
      PLANT,
      '--connector-id',
      rig.identity.connectorCode,
      '--tenant',
      TENANT,
      '--mqtt-url',
      mqttUrl,
      '--mqtt-username',
      rig.identity.username,
      '--mqtt-password-file',
      path.join(rig.dir, 'mqtt-password'),
      '--mqtt-protocol',
      '5',
      '--data-dir',
      path.join(rig.dir, 'agent'),
    ],
    {},
    rig.dir,
  );
  await waitFor('the simulator', () => proc.output().includes('connector configuration'), 90_000);
  const endpoint = /OPC UA\s+(opc\.tcp:\/\/\S+)/.exec(proc.output())?.[1];
  if (!endpoint) throw new Error(`simulator printed no endpoint:\n${proc.output()}`);
  return { proc, endpoint, config };
}

function startAgent(rig: Rig, config: string): Proc {
  return startProc(`agent-${Date.now()}`, [CLI, 'run', '--config', config], {}, rig.dir);
}

const agentSubscribed = (p: Proc, n = 1) =>
  waitFor('the agent subscribed to OPC UA', () => count(p.output(), 'OPC UA source connected') >= n, 60_000);

interface AgentStatus {
  running: boolean;
  spool: { depthBatches: number; depthPoints: number; bytes: number };
}
function agentStatus(config: string): AgentStatus {
  const r = spawnSync(process.execPath, [CLI, 'status', '--config', config, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(r.stdout) as AgentStatus;
}

/** Current `seq` of each equipment, read from the simulator over OPC UA (security None, anonymous). */
async function readSequences(endpoint: string, equipment: string[]): Promise<Map<string, number>> {
  const client = OPCUAClient.create({
    endpointMustExist: false,
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    connectionStrategy: { maxRetry: 2, initialDelay: 200, maxDelay: 1000 },
  });
  await client.connect(endpoint);
  try {
    const session = await client.createSession();
    const values = await session.read(
      equipment.map((e) => ({ nodeId: `ns=1;s=${PLANT}/${e}/seq`, attributeId: AttributeIds.Value })),
    );
    await session.close();
    return new Map(equipment.map((e, i) => [e, Number(values[i]?.value.value)]));
  } finally {
    await client.disconnect();
  }
}

/** Every stored `seq` value of one equipment, in time order (raw points: the chart is wider than the series). */
async function storedSequences(
  store: TelemetryStore,
  rig: Rig,
  equipment: string,
  since: number,
): Promise<number[]> {
  const s = await store.series(rig.identity.tenantId, {
    plantId: rig.identity.plantId,
    equipment,
    tag: 'seq',
    from: since,
    to: Date.now() + 60_000,
    widthPx: 20_000,
  });
  expect(s.source).toBe('raw');
  return s.buckets.map((b) => b.last as number);
}

interface SeqCheck {
  equipment: string;
  first: number;
  last: number;
  stored: number;
  distinct: number;
  readAtStop: number;
}

/** Stored sequence numbers of one equipment are exactly first..last, each once, in time order. */
function checkSequences(equipment: string, values: number[], readAtStop: number): SeqCheck {
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const check = { equipment, first, last, stored: values.length, distinct: new Set(values).size, readAtStop };
  expect(values.length, `${equipment}: stored points`).toBeGreaterThan(0);
  const expected = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  // Equal arrays: no gap, no duplicate, no reordering.
  expect(values, `${equipment}: seq ${first}..${last} each once`).toEqual(expected);
  expect(last, `${equipment}: the last value produced before the stop was stored`).toBeGreaterThanOrEqual(
    readAtStop,
  );
  return check;
}

/**
 * Ends a run so that nothing produced is left anywhere: read what the simulator has produced, let it run on a
 * little, stop it, wait until the agent's spool is empty, stop the agent, then stop ingest (it drains).
 */
async function finish(
  sim: { proc: Proc; endpoint: string; config: string },
  agent: Proc,
  ingest: Proc,
): Promise<Map<string, number>> {
  const atStop = await readSequences(sim.endpoint, [...FAST, ...SLOW]);
  await sleep(3000);
  await stopProc(sim.proc);
  await waitFor('the agent spool to drain', () => agentStatus(sim.config).spool.depthBatches === 0, 90_000);
  await stopProc(agent);
  await sleep(2000);
  await stopProc(ingest, 30_000);
  return atStop;
}

describe('telemetry path across processes (simulator, agent, Mosquitto, ingest, chDB)', () => {
  const rigs: Rig[] = [];
  const procs: Proc[] = [];
  afterAll(async () => {
    for (const p of procs)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    for (const rig of rigs) await tearDown(rig);
  });

  it('delivers every sequence number once and the physical values of the rolling plant', async () => {
    const rig = await setUp('pipe-e2e');
    rigs.push(rig);
    const t0 = Date.now();
    const ingest = startIngest(rig, rig.mosquitto.url);
    procs.push(ingest);
    await untilSubscribed(ingest);
    const sim = await startSimulator(rig, rig.mosquitto.url);
    procs.push(sim.proc);
    const agent = startAgent(rig, sim.config);
    procs.push(agent);
    await agentSubscribed(agent);
    await sleep(20_000);
    const atStop = await finish(sim, agent, ingest);

    const store = openTelemetryStore({ backend: 'chdb', dataDir: rig.chdbDir });
    try {
      const checks: SeqCheck[] = [];
      for (const e of [...FAST, ...SLOW])
        checks.push(checkSequences(e, await storedSequences(store, rig, e, t0), atStop.get(e) ?? 0));
      console.log('[pipeline] seq per equipment:', JSON.stringify(checks));
      // 20 s at 10 Hz: at least ~150 updates of each mill arrived.
      for (const c of checks.filter((x) => FAST.includes(x.equipment))) expect(c.stored).toBeGreaterThan(150);

      const latest = await store.latest(rig.identity.tenantId, {
        plantId: rig.identity.plantId,
        equipment: ['CM-1'],
      });
      const v = (tag: string) => latest.find((l) => l.tag === tag);
      // Cold mill CM-1 (shared/domain equipment.json aist-nela): exit gauge >= 0.1 mm, entry <= 8 mm; speed <= 800 m/min.
      expect(v('exit_thickness')?.value).toBeGreaterThanOrEqual(0.05);
      expect(v('exit_thickness')?.value).toBeLessThanOrEqual(8);
      expect(v('entry_thickness')?.value).toBeLessThanOrEqual(8.5);
      expect(v('strip_speed')?.value).toBeGreaterThanOrEqual(0);
      expect(v('strip_speed')?.value).toBeLessThanOrEqual(800);
      expect([0, 1, 2]).toContain(v('state')?.value);
      expect(v('coil_id')?.text).toMatch(/\S/);
      // A full series of a physical tag, bucketed: the gauge stays in its band over the whole run.
      const gauge = await store.series(rig.identity.tenantId, {
        plantId: rig.identity.plantId,
        equipment: 'CM-1',
        tag: 'exit_thickness',
        from: t0,
        to: Date.now() + 1000,
        widthPx: 100,
      });
      const n = gauge.buckets.reduce((a, b) => a + b.count, 0);
      expect(n).toBeGreaterThan(0);
      for (const b of gauge.buckets) {
        expect(b.min).toBeGreaterThanOrEqual(0.05);
        expect(b.max).toBeLessThanOrEqual(8);
      }
      // Energy meters over Modbus reached the store too (1 Hz polls).
      const meters = await store.latest(rig.identity.tenantId, {
        plantId: rig.identity.plantId,
        equipment: ['EM-RP'],
      });
      expect(meters.find((m) => m.tag === 'energy')?.value).toBeGreaterThan(0);
      console.log(
        `[pipeline] CM-1 exit_thickness ${v('exit_thickness')?.value} mm, strip_speed ${v('strip_speed')?.value} m/min, ${n} gauge samples; EM-RP energy ${meters.find((m) => m.tag === 'energy')?.value} kWh`,
      );
    } finally {
      await store.close();
    }
  }, 240_000);

  it('connector SIGKILLed 10 times, broker unreachable for 60 s, ingest SIGKILLed 3 times: every seq stored exactly once', async () => {
    const rig = await setUp('pipe-fault');
    rigs.push(rig);
    const proxy = new BrokerProxy(await freePort(), rig.mosquitto.port);
    await proxy.open();
    const t0 = Date.now();
    let ingest = startIngest(rig, proxy.url);
    procs.push(ingest);
    await untilSubscribed(ingest);
    const sim = await startSimulator(rig, proxy.url);
    procs.push(sim.proc);
    let agent = startAgent(rig, sim.config);
    procs.push(agent);
    await agentSubscribed(agent);
    const agents: Proc[] = [agent];
    const faults = { agentKills: 0, ingestKills: 0, outageMs: 0 };

    // The agent: killed 3-5 s after each (re)subscription, so it dies with values read, batched and in flight.
    const agentFaults = (async () => {
      for (let i = 0; i < 10; i++) {
        await sleep(3000 + (i % 3) * 1000);
        agent.child.kill('SIGKILL');
        await agent.exited;
        faults.agentKills += 1;
        agent = startAgent(rig, sim.config);
        procs.push(agent);
        agents.push(agent);
        await agentSubscribed(agent);
      }
    })();
    const killIngest = async () => {
      ingest.child.kill('SIGKILL');
      await ingest.exited;
      faults.ingestKills += 1;
      ingest = startIngest(rig, proxy.url);
      procs.push(ingest);
      await untilSubscribed(ingest);
    };
    // The broker side: ingest killed once, the broker gone for 60 s, then ingest killed twice while the backlog drains.
    const brokerFaults = (async () => {
      await sleep(4000);
      await killIngest();
      await sleep(2000);
      const cutAt = Date.now();
      await proxy.cut();
      await sleep(60_000);
      await proxy.open();
      faults.outageMs = Date.now() - cutAt;
      await sleep(6000);
      await killIngest();
      await sleep(6000);
      await killIngest();
    })();
    await Promise.all([agentFaults, brokerFaults]);
    await sleep(5000);
    const atStop = await finish(sim, agent, ingest);
    await proxy.cut();

    const store = openTelemetryStore({ backend: 'chdb', dataDir: rig.chdbDir });
    try {
      const checks: SeqCheck[] = [];
      for (const e of [...FAST, ...SLOW])
        checks.push(checkSequences(e, await storedSequences(store, rig, e, t0), atStop.get(e) ?? 0));
      const logs = agents.map((a) => a.output()).join('\n');
      const backfilled = [
        ...logs.matchAll(/backfilled values missed while disconnected[^\n]*"points":(\d+)/g),
      ].reduce((n, m) => n + Number(m[1]), 0);
      const produced = checks.reduce((n, c) => n + (c.last - c.first + 1), 0);
      const stored = checks.reduce((n, c) => n + c.stored, 0);
      const distinct = checks.reduce((n, c) => n + c.distinct, 0);
      console.log(
        `[pipeline fault] agent SIGKILLs ${faults.agentKills}, ingest SIGKILLs ${faults.ingestKills}, broker unreachable ${(faults.outageMs / 1000).toFixed(1)} s; ` +
          `seq points produced since the agent first subscribed ${produced}, stored ${stored}, distinct ${distinct}, duplicates ${stored - distinct}, missing ${produced - distinct}; ` +
          `values recovered by HistoryRead after kills ${backfilled}`,
      );
      console.log('[pipeline fault] per equipment:', JSON.stringify(checks));
      expect(faults).toMatchObject({ agentKills: 10, ingestKills: 3 });
      expect(faults.outageMs).toBeGreaterThanOrEqual(60_000);
      expect(stored).toBe(produced);
      expect(distinct).toBe(produced);
      // The kills really cost the agent live values, which only the history brought back.
      expect(backfilled).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 300_000);
});
