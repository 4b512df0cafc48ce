/**
 * Sustained insert cost on chDB with the real schema: N concurrent loops each inserting --batch points with its own
 * dedup token for --seconds; prints points/s, process CPU (merges included) and CPU per insert every 5 s.
 *   npx tsx packages/telemetry/bench/insert-sustained.ts [--batch 2000] [--concurrency 4] [--seconds 30]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'chdb';
import { MIGRATIONS } from '../src/schema.ts';

const { values: args } = parseArgs({
  options: {
    batch: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '30' },
    format: { type: 'string', default: 'JSONEachRow' },
    settings: { type: 'string', default: '{}' },
    sync: { type: 'boolean', default: false },
  },
});
const batch = Number(args.batch);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-insert-sustained-'));
const s = new Session(dir);
const db = 'bench';
s.query(`CREATE DATABASE ${db}`);
for (const m of MIGRATIONS) for (const st of m.statements(db)) s.query(st);
const format = args.format as 'JSONEachRow' | 'JSONCompactEachRow' | 'TSV';

function payload(n: number, seq: number): Buffer {
  const now = Date.now();
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    const e = `E${k % 10}`;
    const t = `t${Math.floor(k / 10) % 10}`;
    const ts = ((now - 1000 + k / 100) / 1000).toFixed(3);
    const v = Math.sin(k + seq);
    if (format === 'JSONEachRow')
      lines.push(
        JSON.stringify({
          tenant_id: 'tenant-1',
          plant_id: 'plant-1',
          connector_id: 'conn-1',
          equipment: e,
          tag: t,
          ts,
          value: v,
          text: null,
          quality: 'good',
          retention_days: 365,
        }),
      );
    else if (format === 'JSONCompactEachRow')
      lines.push(JSON.stringify(['tenant-1', 'plant-1', 'conn-1', e, t, ts, v, null, 'good', 365]));
    else lines.push(['tenant-1', 'plant-1', 'conn-1', e, t, ts, v, '\\N', 'good', 365].join('\t'));
  }
  return Buffer.from(lines.join('\n'));
}
const columns = [
  'tenant_id',
  'plant_id',
  'connector_id',
  'equipment',
  'tag',
  'ts',
  'value',
  'text',
  'quality',
  'retention_days',
];
let seq = 0;
let points = 0;
let insertsDone = 0;
const end = Date.now() + Number(args.seconds) * 1000;
const loop = async () => {
  while (Date.now() < end) {
    const my = ++seq;
    const settings: Record<string, string | number> = {
      ...JSON.parse(args.settings ?? '{}'),
      insert_deduplicate: 1,
      insert_deduplication_token: `t|c:${my}`,
      deduplicate_blocks_in_dependent_materialized_views: 1,
    };
    if (args.sync) {
      // What the chDB thread does: one synchronous INSERT with the rows inline.
      const list = Object.entries(settings)
        .map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`)
        .join(', ');
      s.query(
        `INSERT INTO ${db}.points SETTINGS ${list} FORMAT ${format}\n${payload(batch, my).toString()}`,
        'TSV',
      );
      await new Promise((r) => setImmediate(r));
    } else {
      await s.insert({
        table: `${db}.points`,
        values: payload(batch, my),
        format,
        columns: format === 'JSONEachRow' ? undefined : columns,
        settings,
      });
    }
    points += batch;
    insertsDone += 1;
  }
};
let last = { t: performance.now(), cpu: process.cpuUsage(), points: 0, inserts: 0 };
const iv = setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage(last.cpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const dt = now - last.t;
  const ins = insertsDone - last.inserts;
  console.log(
    `${((points - last.points) / (dt / 1000)).toFixed(0).padStart(7)} pts/s, ${(cpuMs / dt).toFixed(2)} cores, ${(cpuMs / Math.max(1, ins)).toFixed(1)} ms CPU/insert, ${ins} inserts; load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  last = { t: now, cpu: process.cpuUsage(), points, inserts: insertsDone };
}, 5000);
const began = { t: performance.now(), cpu: process.cpuUsage() };
await Promise.all(Array.from({ length: Number(args.concurrency) }, loop));
{
  const cpu = process.cpuUsage(began.cpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const secs = (performance.now() - began.t) / 1000;
  console.log(
    `total: ${(points / secs).toFixed(0)} pts/s, ${(cpuMs / 1000 / secs).toFixed(2)} cores, ${(cpuMs / insertsDone).toFixed(1)} ms CPU/insert, ${((cpuMs * 1000) / points).toFixed(1)} us CPU/point`,
  );
}
clearInterval(iv);
console.log(
  s.query(
    `SELECT table, count() AS parts, sum(rows) FROM system.parts WHERE database = '${db}' AND active GROUP BY table`,
    'TSV',
  ),
);
s.close();
fs.rmSync(dir, { recursive: true, force: true });
