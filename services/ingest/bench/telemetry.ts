/**
 * `npm run bench:telemetry`: sustained points/s end to end on the `npm start` path, with the figures issue 4 asks:
 *
 *   synthetic connectors (child process, MQTT 3.1.1 QoS 1, in-flight window, bounded queue = spool)
 *     -> embedded aedes broker with the platform's auth hooks -> ingest (validate, insert with dedup token)
 *     -> chDB -> PUBACK only after the insert committed = the point is queryable.
 *
 *   npx tsx services/ingest/bench/telemetry.ts [--rate 50000] [--seconds 60] [--connectors 4] [--batch 2000]
 *                                              [--max-delay-ms 250] [--window 32] [--chdb-thread on|off]
 *
 * Why synthetic: the OPC UA plant simulator produces about 1 000 points/s per plant (10 Hz models), far below the
 * 50 000 points/s goal, and an OPC UA server plus client at that rate would measure node-opcua, not this path. The
 * publishers behave like the agent's publisher: batches close at `--batch` points or `--max-delay-ms`, at most
 * `--window` unacknowledged per connection, a batch leaves the queue only on its PUBACK, batchSeq increments.
 * "Spool" is that queue (points generated and not yet acknowledged); the agent's SQLite spool is not in this path.
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
import { MAX_POINTS_PER_BATCH, telemetryTopic } from '@ingot/contracts';
import { ensureConnectorCredentials, seedDemoTenant } from '@ingot/domain';
import { openTelemetryStore } from '@ingot/telemetry';
import { createTestDatabase } from '@ingot/testing';
import mqtt from 'mqtt';
import { memoryLogger } from '../src/logger.ts';
import { memoryDeadLetterSink } from '../src/pipeline/dead-letter.ts';
import { startEmbeddedIngest } from '../src/start-embedded-ingest.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '50000' },
    seconds: { type: 'string', default: '60' },
    connectors: { type: 'string', default: '4' },
    batch: { type: 'string', default: '2000' },
    'max-delay-ms': { type: 'string', default: '250' },
    window: { type: 'string', default: '32' },
    'chdb-thread': { type: 'string', default: 'on' },
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
  connectors: Array<{ username: string; password: string; code: string; topic: string }>;
}
type TPublisherReport =
  | { kind: 'tick'; generated: number; acked: number; backlog: number; backlogBytes: number }
  | { kind: 'done'; generated: number; acked: number; hist: number[]; maxBacklog: number; drainedMs: number };

// ---------------------------------------------------------------------------------------------------------------
// Publisher (child process): synthetic connectors.

async function publisher(cfg: TPublisherConfig): Promise<void> {
  const hist = new Uint32Array(HIST_MAX_MS + 1);
  let generated = 0;
  let acked = 0;
  let backlogBytes = 0;
  let maxBacklog = 0;
  const perConnector = cfg.rate / cfg.connectors.length;
  const conns = await Promise.all(
    cfg.connectors.map(
      (c) =>
        new Promise<{ c: typeof c; client: mqtt.MqttClient }>((resolve, reject) => {
          const client = mqtt.connect(cfg.url, {
            protocolVersion: 4,
            clientId: c.username,
            username: c.username,
            password: c.password,
            clean: true,
            reconnectPeriod: 0,
          });
          client.once('connect', () => resolve({ c, client }));
          client.once('error', reject);
        }),
    ),
  );
  const state = conns.map(({ c, client }) => ({
    c,
    client,
    seq: 0,
    carry: 0,
    /** Points generated, not yet in a batch: [ts, value] pairs. */
    open: [] as Array<{ e: number; t: number; ts: number; v: number }>,
    openSince: 0,
    /** Closed batches waiting for a window slot (the spool). */
    queue: [] as Array<{ payload: string; ts: number[]; points: number }>,
    inflight: 0,
  }));
  const start = Date.now();
  const end = start + cfg.seconds * 1000;
  let k = 0;
  let lastTick = start;
  const pump = (s: (typeof state)[number]) => {
    while (s.inflight < cfg.window && s.queue.length > 0) {
      const b = s.queue.shift();
      if (!b) break;
      s.inflight += 1;
      s.client.publish(s.c.topic, b.payload, { qos: 1 }, (err) => {
        s.inflight -= 1;
        if (err) {
          console.error(`publish failed: ${err.message}`);
          process.exit(1);
        }
        const now = Date.now();
        for (const ts of b.ts) {
          const i = Math.min(HIST_MAX_MS, Math.max(0, now - ts));
          hist[i] = (hist[i] ?? 0) + 1;
        }
        acked += b.points;
        backlogBytes -= b.payload.length;
        pump(s);
      });
    }
  };
  const close = (s: (typeof state)[number]) => {
    if (s.open.length === 0) return;
    s.seq += 1;
    const payload = JSON.stringify({
      v: 1,
      connectorId: s.c.code,
      batchSeq: s.seq,
      createdAt: Date.now(),
      points: s.open.map((p) => ({
        equipment: `BENCH-${p.e}`,
        tag: `t${p.t}`,
        ts: p.ts,
        value: p.v,
        quality: 'good',
      })),
    });
    s.queue.push({ payload, ts: s.open.map((p) => p.ts), points: s.open.length });
    backlogBytes += payload.length;
    s.open = [];
  };
  const timer = setInterval(() => {
    const now = Date.now();
    const generating = now < end;
    // By elapsed time, so a late timer (busy machine) still offers the configured rate.
    const elapsed = (Math.min(now, end) - Math.min(lastTick, end)) / 1000;
    lastTick = now;
    for (const s of state) {
      if (generating) {
        s.carry += perConnector * elapsed;
        const n = Math.floor(s.carry);
        s.carry -= n;
        if (s.open.length === 0 && n > 0) s.openSince = now;
        for (let i = 0; i < n; i++) {
          k += 1;
          s.open.push({
            e: k % EQUIPMENT,
            t: Math.floor(k / EQUIPMENT) % TAGS,
            ts: now,
            v: Math.sin(k / 1000) * 100,
          });
          if (s.open.length >= cfg.batch) close(s);
        }
        generated += n;
      }
      if (s.open.length > 0 && (now - s.openSince >= cfg.maxDelayMs || !generating)) close(s);
      pump(s);
    }
    maxBacklog = Math.max(maxBacklog, generated - acked);
  }, 10);
  const report = setInterval(() => {
    process.send?.({ kind: 'tick', generated, acked, backlog: generated - acked, backlogBytes });
  }, 1000);
  while (Date.now() < end || acked < generated) {
    await new Promise((r) => setTimeout(r, 50));
    if (Date.now() > end + 120_000) break;
  }
  const drainedMs = Date.now() - end;
  clearInterval(timer);
  clearInterval(report);
  for (const s of state) s.client.end();
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
      topic: telemetryTopic({ tenant: c.tenantSlug, plant: c.plantCode, connector: c.code }),
    });
  }
  const cfg: TPublisherConfig = {
    url: `mqtt://127.0.0.1:${ingest.broker.port}`,
    rate,
    seconds,
    batch,
    maxDelayMs: num('max-delay-ms'),
    window: Math.round(num('window')),
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
