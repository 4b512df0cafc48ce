/**
 * Cost of one telemetry insert on chDB by batch size and settings (process CPU and wall time per insert).
 *   npx tsx packages/telemetry/bench/insert-cost.ts [--inserts 30]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'chdb';
import { MIGRATIONS } from '../src/schema.ts';

const { values: args } = parseArgs({ options: { inserts: { type: 'string', default: '30' } } });
const inserts = Number(args.inserts);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-insert-cost-'));
const s = new Session(dir);
const db = 'bench';
s.query(`CREATE DATABASE ${db}`);
for (const m of MIGRATIONS) for (const st of m.statements(db)) s.query(st);

function payload(n: number, seq: number): Buffer {
  const now = Date.now();
  const lines: string[] = [];
  for (let k = 0; k < n; k++) {
    lines.push(
      JSON.stringify({
        tenant_id: 'tenant-1',
        plant_id: 'plant-1',
        connector_id: 'conn-1',
        equipment: `E${k % 10}`,
        tag: `t${Math.floor(k / 10) % 10}`,
        ts: ((now - 60_000 + seq * 10 + k / 100) / 1000).toFixed(3),
        value: Math.sin(k),
        text: null,
        quality: 'good',
        retention_days: 365,
      }),
    );
  }
  return Buffer.from(lines.join('\n'));
}

let seq = 0;
async function measure(
  label: string,
  n: number,
  settings: Record<string, string | number>,
  table = 'points',
) {
  const bufs = Array.from({ length: inserts }, () => payload(n, ++seq));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const [i, values] of bufs.entries()) {
    await s.insert({
      table: `${db}.${table}`,
      values,
      format: 'JSONEachRow',
      settings: {
        ...settings,
        ...(settings.insert_deduplication_token ? { insert_deduplication_token: `tok-${seq}-${i}` } : {}),
      },
    });
  }
  const wall = (performance.now() - t0) / inserts;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000 / inserts;
  console.log(
    `${label.padEnd(44)} ${String(n).padStart(6)} pts: ${wall.toFixed(1).padStart(6)} ms wall, ${cpu.toFixed(1).padStart(6)} ms CPU per insert, ${((n / cpu) * 1000).toFixed(0).padStart(8)} pts per CPU-s`,
  );
}

const dedup = {
  insert_deduplicate: 1,
  insert_deduplication_token: 'x',
  deduplicate_blocks_in_dependent_materialized_views: 1,
};
for (const n of [500, 2000, 10_000, 40_000]) await measure('dedup token, points + 2 views', n, dedup);
await measure('no dedup', 2000, {});
s.query(`DROP VIEW ${db}.points_1m_mv`);
await measure('dedup token, no 1m view', 2000, dedup);
s.query(`DROP VIEW ${db}.points_latest_mv`);
await measure('dedup token, no views', 2000, dedup);
await measure('no dedup, no views', 2000, {});
s.close();
fs.rmSync(dir, { recursive: true, force: true });
