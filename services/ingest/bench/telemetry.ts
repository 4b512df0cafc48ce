/**
 * `npm run bench:telemetry`: sustained points/s end to end on the `npm start` path, with the figures issue 4 asks:
 *
 *   connector agents (child process: the real Agent — batching, SQLite spool, MQTT 3.1.1 QoS 1 publisher with its
 *   in-flight window — fed generated points) -> embedded aedes broker with the platform's auth hooks
 *     -> ingest (validate, insert with dedup token) -> chDB -> PUBACK only after the insert committed = queryable.
 *
 *   npx tsx services/ingest/bench/telemetry.ts [--rate 50000] [--seconds 60] [--connectors 4] [--batch 10000]
 *      [--max-delay-ms 250] [--window 32] [--spool-sync full|normal] [--chdb-thread on|off]
 *
 * `--batch` and `--max-delay-ms` are the agents' `batching.maxPoints` and `batching.maxDelayMs` (defaults: the
 * agent's own), `--window` its `mqtt.inflightWindow`, `--spool-sync` its `spool.synchronous`.
 * Generated points instead of OPC UA sources: the plant simulator produces about 1 000 points/s per plant (10 Hz
 * models), far below the 50 000 points/s goal, and an OPC UA server plus client at that rate would measure
 * node-opcua, not this path. "Spool" is points generated and not yet acknowledged (the agents' spools plus their
 * open batches); its bytes are the spools' payload bytes.
 *
 * Latency: source timestamp (when the point was generated) to the PUBACK, which the embedded broker sends only after
 * the batch's insert committed to chDB, i.e. when the point is queryable. A probe also reads `latest()` once a second
 * to check that from the query side. CPU: the ingest process (broker + ingest + chDB), the publisher process and
 * the whole machine (/proc/stat), as a share of one core. At the end every generated point is counted in the store.
 *
 * Event loop: the delay of this process's main thread (perf_hooks.monitorEventLoopDelay) and its utilization, in
 * the steady window — in `npm start` the portal answers pages on that thread. `--chdb-thread off` runs chDB on the
 * calling thread (its async calls on the libuv pool) instead of its own worker thread, for comparison.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Agent, silentLogger, ZConnectorConfig } from '@ingot/connector';
import { MAX_POINTS_PER_BATCH, type TTelemetryPoint } from '@ingot/contracts';
import { ensureConnectorCredentials, seedDemoTenant } from '@ingot/domain';
import { openTelemetryStore } from '@ingot/telemetry';
import { createTestDatabase } from '@ingot/testing';
import { memoryLogger } from '../src/logger.ts';
import { memoryDeadLetterSink } from '../src/pipeline/dead-letter.ts';
import { startEmbeddedIngest } from '../src/start-embedded-ingest.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '60' },
    connectors: { type: 'string', default: '4' },
    batch: { type: 'string', default: String(MAX_POINTS_PER_BATCH) },
    'max-delay-ms': { type: 'string', default: '250' },
    window: { type: 'string', default: '32' },
    'chdb-thread': { type: 'string', default: 'on' },
    'spool-sync': { type: 'string', default: 'full' },
    publisher: { type: 'boolean', default: false },
  },
});
const num = (name: keyof typeof args) => {
  const n = Number(args[name]);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`--${name} must be a positive number, got "${args[name]}"`);
  return n;
};

const EQUIPMENT = 10;
const TAGS = 10;
const HIST_MAX_MS = 120_000;

interface TPublisherConfig {
  url: string;
  rate: number;
  seconds: number;
  batch: number;
  maxDelayMs: number;
  window: number;
  spoolSync: 'full' | 'normal';
  /** The agents' data directories (spool, PKI) go under it. */
  dataDir: string;
  connectors: Array<{ username: string; password: string; code: string; tenant: string; plant: string }>;
}
type TPublisherReport =
  | { kind: 'tick'; generated: number; acked: number; backlog: number; backlogBytes: number }
  | { kind: 'done'; generated: number; acked: number; hist: number[]; maxBacklog: number; drainedMs: number };

// ---------------------------------------------------------------------------------------------------------------
// Publisher (child process): the connector agents themselves, fed generated points instead of OPC UA sources.

async function publisher(cfg: TPublisherConfig): Promise<void> {
  const hist = new Uint32Array(HIST_MAX_MS + 1);
  let generated = 0;
  let acked = 0;
  let maxBacklog = 0;
  const perConnector = cfg.rate / cfg.connectors.length;
  const state = cfg.connectors.map((c, i) => {
    const config = ZConnectorConfig.parse({
      connector: { id: c.code, tenant: c.tenant, plant: c.plant },
      dataDir: path.join(cfg.dataDir, `agent-${i + 1}`),
      mqtt: {
        url: cfg.url,
        username: c.username,
        password: c.password,
        protocolVersion: 4, // aedes speaks MQTT 3.1.1
        inflightWindow: cfg.window,
      },
      spool: { synchronous: cfg.spoolSync },
      batching: { maxPoints: cfg.batch, maxDelayMs: cfg.maxDelayMs },
      sources: [],
    });
    const agent = new Agent({ config, version: 'bench', log: silentLogger });
    // Generated and not yet acknowledged, oldest first: [source ts, points]. The agent publishes its spool oldest
    // first and reports acknowledged points in order, so they are matched in generation order.
    const unacked: Array<[number, number]> = [];
    agent.publisher.on('acked', (points) => {
      const now = Date.now();
      acked += points;
      let left = points;
      while (left > 0 && unacked.length > 0) {
        const head = unacked[0] as [number, number];
        const n = Math.min(left, head[1]);
        const i = Math.min(HIST_MAX_MS, Math.max(0, now - head[0]));
        hist[i] = (hist[i] ?? 0) + n;
        head[1] -= n;
        left -= n;
        if (head[1] === 0) unacked.shift();
      }
    });
    return { agent, unacked, carry: 0 };
  });
  await Promise.all(state.map((s) => s.agent.start()));
  const start = Date.now();
  const end = start + cfg.seconds * 1000;
  let k = 0;
  let lastTick = start;
  const timer = setInterval(() => {
    const now = Date.now();
    // By elapsed time, so a late timer (busy machine) still offers the configured rate.
    const elapsed = (Math.min(now, end) - Math.min(lastTick, end)) / 1000;
    lastTick = now;
    for (const s of state) {
      s.carry += perConnector * elapsed;
      const n = Math.floor(s.carry);
      s.carry -= n;
      if (n === 0) continue;
      const points: TTelemetryPoint[] = new Array(n);
      for (let i = 0; i < n; i++) {
        k += 1;
        points[i] = {
          equipment: `BENCH-${k % EQUIPMENT}`,
          tag: `t${Math.floor(k / EQUIPMENT) % TAGS}`,
          ts: now,
          value: Math.sin(k / 1000) * 100,
          quality: 'good',
        };
      }
      s.unacked.push([now, n]);
      generated += n;
      s.agent.ingest(points);
    }
    maxBacklog = Math.max(maxBacklog, generated - acked);
  }, 10);
  const spoolBytes = () => state.reduce((a, s) => a + s.agent.spool.status().bytes, 0);
  const report = setInterval(() => {
    process.send?.({
      kind: 'tick',
      generated,
      acked,
      backlog: generated - acked,
      backlogBytes: spoolBytes(),
    });
  }, 1000);
  while (Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  clearInterval(timer);
  // The open batches close at maxDelayMs; then wait for the spools to drain.
  while (acked < generated && Date.now() < end + 120_000) await new Promise((r) => setTimeout(r, 50));
  const drainedMs = Date.now() - end;
  clearInterval(report);
  await Promise.all(state.map((s) => s.agent.stop()));
  const done: TPublisherReport = {
    kind: 'done',
    generated,
    acked,
    hist: Array.from(hist),
    maxBacklog,
    drainedMs,
  };
  process.send?.(done, undefined, {}, () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------------------------
// Main: database, broker + ingest + chDB in this process, measurements.

function percentile(hist: number[], p: number): number {
  const total = hist.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i] ?? 0;
    if (seen >= total * p) return i;
  }
  return hist.length - 1;
}

function procCpuMs(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  const tick = 100; // USER_HZ on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
}

function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

async function main(): Promise<void> {
  const rate = num('rate');
  const seconds = num('seconds');
  const connectors = Math.round(num('connectors'));
  // A bigger batch would be dead-lettered by ingest's schema.
  const batch = Math.min(MAX_POINTS_PER_BATCH, Math.round(num('batch')));
  const spoolSync = args['spool-sync'];
  if (spoolSync !== 'full' && spoolSync !== 'normal')
    throw new Error(`--spool-sync must be full or normal, got "${spoolSync}"`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-bench-telemetry-'));
  console.log(
    `bench:telemetry  ${rate} points/s for ${seconds} s, ${connectors} connectors, batches <= ${batch} points / ${args['max-delay-ms']} ms, window ${args.window}, chDB thread ${args['chdb-thread']}; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const database = await createTestDatabase('pglite');
  const db = database.db;
  const seeded = await seedDemoTenant(db);
  const tenant = seeded.tenants['east-china-al'];
  const plantId = tenant?.plants.RP;
  if (!tenant || !plantId) throw new Error('demo tenant east-china-al / plant RP not seeded');
  if (args['chdb-thread'] !== 'on' && args['chdb-thread'] !== 'off')
    throw new Error(`--chdb-thread must be on or off, got "${args['chdb-thread']}"`);
  const store = openTelemetryStore(
    { backend: 'chdb', dataDir: path.join(dir, 'chdb') },
    { chdb: { thread: args['chdb-thread'] === 'on' } },
  );
  await store.ensureSchema();
  const log = memoryLogger();
  const dead = memoryDeadLetterSink();
  const ingest = await startEmbeddedIngest({ db, store, deadLetters: dead, log, host: '127.0.0.1', port: 0 });
  const creds = [];
  for (let i = 1; i <= connectors; i++) {
    const c = await ensureConnectorCredentials(db, {
      tenantId: tenant.id,
      plantCode: 'RP',
      code: `bench-${i}`,
      name: `Bench ${i}`,
    });
    creds.push({
      username: c.username,
      password: c.password,
      code: c.code,
      tenant: c.tenantSlug,
      plant: c.plantCode,
    });
  }
  const cfg: TPublisherConfig = {
    url: `mqtt://127.0.0.1:${ingest.broker.port}`,
    rate,
    seconds,
    batch,
    maxDelayMs: num('max-delay-ms'),
    window: Math.round(num('window')),
    spoolSync,
    dataDir: path.join(dir, 'agents'),
    connectors: creds,
  };
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ['--publisher'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send(cfg);
  const samples: Array<{ t: number; backlog: number; backlogBytes: number }> = [];
  const probeLags: number[] = [];
  let last: {
    cpuSelf: number;
    cpuChild: number;
    m: ReturnType<typeof machineCpu>;
    t: number;
    acked: number;
  } | null = null;
  const steady: Array<{ self: number; child: number; machine: number; pps: number }> = [];
  const t0 = Date.now();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  type TElu = ReturnType<typeof performance.eventLoopUtilization>;
  const elu: { start: TElu | null; steady: TElu | null } = { start: null, steady: null };
  const done = await new Promise<Extract<TPublisherReport, { kind: 'done' }>>((resolve, reject) => {
    child.on('exit', (code) => code !== 0 && reject(new Error(`publisher exited ${code}`)));
    child.on('message', (msg: TPublisherReport) => {
      if (msg.kind === 'done') return resolve(msg);
      const now = Date.now();
      const cpuSelf = process.cpuUsage();
      const snap = {
        cpuSelf: (cpuSelf.user + cpuSelf.system) / 1000,
        cpuChild: child.pid ? procCpuMs(child.pid) : 0,
        m: machineCpu(),
        t: now,
        acked: msg.acked,
      };
      if (now - t0 > 5000 && now - t0 < seconds * 1000 && !elu.start) {
        loopDelay.enable();
        elu.start = performance.eventLoopUtilization();
      }
      if (now - t0 >= seconds * 1000 && elu.start && !elu.steady) {
        loopDelay.disable();
        elu.steady = performance.eventLoopUtilization(elu.start);
      }
      if (last && now - t0 > 5000 && now - t0 < seconds * 1000 && now > last.t) {
        const dt = now - last.t;
        steady.push({
          self: (snap.cpuSelf - last.cpuSelf) / dt,
          child: (snap.cpuChild - last.cpuChild) / dt,
          machine: ((snap.m.busy - last.m.busy) / (snap.m.total - last.m.total)) * os.cpus().length,
          pps: ((msg.acked - last.acked) * 1000) / dt,
        });
      }
      last = snap;
      samples.push({ t: now - t0, backlog: msg.backlog, backlogBytes: msg.backlogBytes });
      // The query side: the newest stored point of one series, a second after it was written at most.
      void store.latest(tenant.id, { plantId, equipment: ['BENCH-1'], tags: ['t1'] }).then((rows) => {
        const ts = rows[0]?.ts.getTime();
        if (ts && now - t0 > 5000 && now - t0 < seconds * 1000) probeLags.push(Date.now() - ts);
      });
    });
  });
  // Count what the store holds (rollup counts, deduplicated like the points table).
  let stored = 0;
  for (let e = 0; e < EQUIPMENT; e++)
    for (let t = 0; t < TAGS; t++) {
      const s = await store.series(tenant.id, {
        plantId,
        equipment: `BENCH-${e}`,
        tag: `t${t}`,
        from: t0 - 60_000,
        to: Date.now() + 60_000,
        widthPx: 10,
      });
      stored += s.buckets.reduce((a, b) => a + b.count, 0);
    }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sustained = avg(steady.map((s) => s.pps));
  const second = samples.filter((s) => s.t > (seconds * 1000) / 2 && s.t <= seconds * 1000);
  const firstS = second[0];
  const lastS = second[second.length - 1];
  const growth =
    firstS && lastS && lastS.t > firstS.t
      ? ((lastS.backlog - firstS.backlog) * 1000) / (lastS.t - firstS.t)
      : 0;
  const sortedProbe = [...probeLags].sort((a, b) => a - b);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
  console.log(
    `generated            ${done.generated} points (${(done.generated / seconds).toFixed(0)} points/s offered)`,
  );
  console.log(
    `acknowledged         ${done.acked} points; stored (counted in chDB) ${stored}; lost ${done.generated - stored}`,
  );
  console.log(
    `dead letters         ${dead.letters.length}; ingest errors logged ${log.lines.filter((l) => l.level === 'error').length}`,
  );
  console.log(
    `sustained            ${sustained.toFixed(0)} points/s acknowledged (mean of 1 s windows after 5 s warm-up)`,
  );
  console.log(
    `latency ts->queryable p50 ${percentile(done.hist, 0.5)} ms, p99 ${percentile(done.hist, 0.99)} ms, max ${percentile(done.hist, 1)} ms (PUBACK after the insert committed)`,
  );
  console.log(
    `query probe lag      p50 ${q(sortedProbe, 0.5)} ms, p99 ${q(sortedProbe, 0.99)} ms (latest() of one series, sampled once a second)`,
  );
  console.log(
    `CPU (share of 1 core) ingest+broker+chDB ${avg(steady.map((s) => s.self)).toFixed(2)}, publisher ${avg(steady.map((s) => s.child)).toFixed(2)}, whole machine ${avg(steady.map((s) => s.machine)).toFixed(2)} of ${os.cpus().length}`,
  );
  console.log(
    `spool (unacked)      max ${done.maxBacklog} points, growth over the second half ${growth.toFixed(0)} points/s, at end of load ${lastS?.backlog ?? 0} points (${((lastS?.backlogBytes ?? 0) / 1024).toFixed(0)} KiB); drained ${done.drainedMs} ms after the load stopped`,
  );
  // CPU time per acknowledged point: less sensitive to how much of the shared machine this run got than points/s.
  const selfCores = avg(steady.map((s) => s.self));
  const childCores = avg(steady.map((s) => s.child));
  console.log(
    `CPU per point        ${sustained > 0 ? ((selfCores * 1e6) / sustained).toFixed(1) : '-'} us ingest+broker+chDB, ${sustained > 0 ? ((childCores * 1e6) / sustained).toFixed(1) : '-'} us publisher (ceiling at this cost on 2 free cores: ${sustained > 0 ? ((2 * sustained) / (selfCores + childCores)).toFixed(0) : '-'} points/s)`,
  );
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  console.log(
    `main event loop      delay p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms; utilization ${((elu.steady ?? elu.start)?.utilization ?? 0).toFixed(2)} (steady window; the portal's thread in npm start)`,
  );
  const ok = stored === done.generated && percentile(done.hist, 0.99) < 2000 && sustained >= 50_000 * 0.98;
  console.log(ok ? 'GOAL MET (>= 50 000 points/s, nothing lost, p99 < 2 s)' : 'GOAL NOT MET');
  await ingest.close();
  await store.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

if (args.publisher) {
  // The parent sends the configuration (credentials included) over the IPC channel, never the command line.
  process.once('message', (cfg: TPublisherConfig) => {
    publisher(cfg).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  });
} else {
  await main();
}
