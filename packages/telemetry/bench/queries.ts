/**
 * bench:queries — loads N points (default 100 million) into the telemetry store and prints p50/p95 latency of
 * the portal's three reads through the store API: latest values of a plant, a 24-hour trend and a 30-day
 * trend (goals: p95 <= 100 ms, <= 100 ms, <= 300 ms).
 *
 *   npx tsx packages/telemetry/bench/queries.ts [--points 100000000] [--runs 60] [--dir DIR] [--keep]
 *   npx tsx packages/telemetry/bench/queries.ts --url http://127.0.0.1:8123 [--user U --password P]
 *
 * Data: two tenants; 1 Hz "dense" series (process values: sine + noise, 0.1 % bad quality) over the last 31 days,
 * as many as N needs, alternating between the tenants; plus per tenant 50 equipment x 20 tags of sparse tags
 * (one sample a minute for 100 minutes) so "latest values of a plant" answers about a thousand tags.
 * Loaded by INSERT ... SELECT FROM numbers() in chunks of 10 M rows (time-ordered, as ingest writes them), the
 * materialized views (one-minute rollup, latest) fed as in production. Queries run one at a time on random series
 * and windows, after one warm-up run each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openChdbExecutor } from '../src/chdb-executor.ts';
import { ClickHouseTelemetryStore } from '../src/clickhouse-telemetry-store.ts';
import { openServerExecutor } from '../src/server-executor.ts';
import type { SqlExecutor } from '../src/sql-executor.ts';

const { values: args } = parseArgs({
  options: {
    points: { type: 'string', default: '100000000' },
    runs: { type: 'string', default: '60' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    url: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
  },
});

const N = Number(args.points);
const RUNS = Number(args.runs);
if (!Number.isInteger(N) || N < 1_000_000) throw new Error('--points: an integer of at least 1000000');
if (!Number.isInteger(RUNS) || RUNS < 5) throw new Error('--runs: an integer of at least 5');

const DAY_S = 86_400;
const DAYS = 31;
const TENANTS = ['bench-a', 'bench-b'] as const;
const PLANT = 'plant-1';
const SPARSE_EQUIPMENT = 50;
const SPARSE_TAGS = 20;
const SPARSE_SAMPLES = 100;
const CHUNK = 10_000_000;
const DB = 'ingot_bench';

const denseSeries = Math.max(2, Math.floor(N / (DAYS * DAY_S)));
const perSeries = Math.ceil(N / denseSeries);
/** Every dense series spans the whole 31 days: one sample every stepMs (about 1 s at 100 M points). */
const stepMs = (DAYS * DAY_S * 1000) / perSeries;
const endS = Math.floor(Date.now() / 60_000) * 60 - 60;
const startS = endS - DAYS * DAY_S;

const ownDir = !args.dir && !args.url;
const dir = args.dir ?? (args.url ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-bench-queries-')));
const exec: SqlExecutor = args.url
  ? openServerExecutor({
      url: args.url,
      username: args.user,
      password: args.password,
      requestTimeoutMs: 3_600_000,
    })
  : openChdbExecutor(dir);
const store = new ClickHouseTelemetryStore(exec, DB, 365);

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const rand = (n: number) => Math.floor(Math.random() * n);

async function load() {
  await exec.command(`DROP DATABASE IF EXISTS ${DB}`);
  await store.ensureSchema();
  const t0 = process.hrtime.bigint();
  // number -> (sample index, series): time-ordered, so a block of 1 M rows spans a few hours of every series.
  for (let offset = 0; offset < N; offset += CHUNK) {
    const rows = Math.min(CHUNK, N - offset);
    await exec.command(
      `INSERT INTO ${DB}.points (tenant_id, plant_id, connector_id, equipment, tag, ts, value, quality, retention_days)
       SELECT
         if(series % 2 = 0, {a:String}, {b:String}), {plant:String}, 'bench-conn',
         concat('CM', toString(intDiv(series, 2) % 10)), concat('dense_', toString(series)),
         fromUnixTimestamp64Milli(toInt64({start:UInt32} * 1000 + intDiv(idx * {span:UInt64}, {per:UInt64}))),
         50 + 10 * sin(2 * pi() * idx / 3600 + series) + (cityHash64(n) % 1000) / 1000,
         if(n % 997 = 0, 'bad', 'good'), 365
       FROM (
         SELECT number + {offset:UInt64} AS n, intDiv(n, {series:UInt32}) AS idx, n % {series:UInt32} AS series
         FROM numbers({rows:UInt64})
       )`,
      {
        a: TENANTS[0],
        b: TENANTS[1],
        plant: PLANT,
        start: startS,
        span: DAYS * DAY_S * 1000,
        per: perSeries,
        offset,
        series: denseSeries,
        rows,
      },
    );
    console.log(`  loaded ${(offset + rows).toLocaleString('en')} / ${N.toLocaleString('en')} dense points`);
  }
  const sparse = TENANTS.length * SPARSE_EQUIPMENT * SPARSE_TAGS * SPARSE_SAMPLES;
  await exec.command(
    `INSERT INTO ${DB}.points (tenant_id, plant_id, connector_id, equipment, tag, ts, value, quality, retention_days)
     SELECT
       if(k % 2 = 0, {a:String}, {b:String}), {plant:String}, 'bench-conn',
       concat('EQ', toString(intDiv(k, 2) % {eq:UInt32})), concat('tag_', toString(intDiv(k, 2 * {eq:UInt32}))),
       toDateTime64({end:UInt32} - 60 * sample, 3, 'UTC'), toFloat64(cityHash64(number) % 10000) / 100, 'good', 365
     FROM (SELECT number, number % {keys:UInt32} AS k, intDiv(number, {keys:UInt32}) AS sample FROM numbers({rows:UInt64}))`,
    {
      a: TENANTS[0],
      b: TENANTS[1],
      plant: PLANT,
      eq: SPARSE_EQUIPMENT,
      keys: TENANTS.length * SPARSE_EQUIPMENT * SPARSE_TAGS,
      end: endS,
      rows: sparse,
    },
  );
  const seconds = ms(t0) / 1000;
  const total = N + sparse;
  console.log(
    `loaded ${total.toLocaleString('en')} points (${denseSeries} dense series over ${DAYS} days, one sample every ${(stepMs / 1000).toFixed(2)} s, + ` +
      `${sparse.toLocaleString('en')} sparse) in ${seconds.toFixed(1)} s = ` +
      `${Math.round(total / seconds).toLocaleString('en')} points/s (with rollup and latest views)`,
  );
}

async function measure(name: string, goalMs: number, run: () => Promise<number>) {
  await run(); // warm-up
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    rows += await run();
    times.push(ms(t0));
  }
  times.sort((x, y) => x - y);
  const p95 = pct(times, 95);
  console.log(
    `${name.padEnd(34)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms   p95 ${p95.toFixed(1).padStart(7)} ms` +
      `   max ${(times.at(-1) ?? 0).toFixed(1).padStart(7)} ms   rows/answer ${Math.round(rows / RUNS)}` +
      `   goal <= ${goalMs} ms ${p95 <= goalMs ? 'MET' : 'MISSED'}`,
  );
  return p95 <= goalMs;
}

async function main() {
  console.log(
    `bench:queries on ${exec.backend === 'chdb' ? `chDB (embedded, ${dir})` : `ClickHouse server ${args.url}`}, ` +
      `${N.toLocaleString('en')} dense points, ${RUNS} runs per query, ${os.cpus().length} CPUs`,
  );
  await load();
  const parts = await exec.query<{ table: string; parts: number; rows: number; bytes: number }>(
    `SELECT table, count() AS parts, sum(rows) AS rows, sum(bytes_on_disk) AS bytes
     FROM system.parts WHERE database = {db:String} AND active GROUP BY table ORDER BY table`,
    { db: DB },
  );
  for (const p of parts) {
    console.log(
      `  ${p.table.padEnd(24)} ${String(p.parts).padStart(5)} parts ${Number(p.rows).toLocaleString('en').padStart(14)} rows ` +
        `${(Number(p.bytes) / 2 ** 20).toFixed(0).padStart(7)} MiB`,
    );
  }

  const tenant = TENANTS[0];
  const denseOfA = Array.from({ length: Math.ceil(denseSeries / 2) }, (_, i) => 2 * i);
  const pickSeries = () => {
    const s = denseOfA[rand(denseOfA.length)] ?? 0;
    return { plantId: PLANT, equipment: `CM${Math.floor(s / 2) % 10}`, tag: `dense_${s}` };
  };
  const results = [
    await measure(
      'latest values of a plant',
      100,
      async () => (await store.latest(tenant, { plantId: PLANT })).length,
    ),
    await measure('24-hour trend (1200 px)', 100, async () => {
      const to = (endS - rand(6 * DAY_S)) * 1000;
      const s = await store.series(tenant, { ...pickSeries(), from: to - DAY_S * 1000, to, widthPx: 1200 });
      return s.buckets.length;
    }),
    await measure('30-day rollup trend (1200 px)', 300, async () => {
      const to = (endS - rand(DAY_S)) * 1000;
      const s = await store.series(tenant, {
        ...pickSeries(),
        from: to - 30 * DAY_S * 1000,
        to,
        widthPx: 1200,
      });
      return s.buckets.length;
    }),
  ];
  const check = await store.series(tenant, {
    ...pickSeries(),
    from: (endS - 30 * DAY_S) * 1000,
    to: endS * 1000,
    widthPx: 1200,
  });
  console.log(
    `  (30-day trend: source ${check.source}, bucket ${check.bucketMs / 1000} s, ${check.buckets.length} buckets)`,
  );
  await store.close();
  if (ownDir && !args.keep) fs.rmSync(dir, { recursive: true, force: true });
  console.log(results.every(Boolean) ? 'all goals met' : 'some goals missed');
}

main().catch(async (error: unknown) => {
  console.error(error);
  await store.close().catch(() => {});
  process.exitCode = 1;
});
