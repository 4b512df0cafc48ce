import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChdbDirectoryInUseError, openChdbDirectory, openChdbExecutor } from './chdb-executor.ts';
import { ClickHouseTelemetryStore } from './clickhouse-telemetry-store.ts';
import type { SqlExecutor } from './sql-executor.ts';
import type { TelemetryPoint } from './telemetry-store.ts';

// One chDB data directory at a time in this process (the engine allows one per process).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-chdb-thread-test-'));

afterAll(() => {
  if (!openChdbDirectory()) fs.rmSync(dataDir, { recursive: true, force: true });
});

const rows = (n: number, from: number) =>
  Array.from({ length: n }, (_, k) => ({ a: from + k, s: `row ${from + k}` }));

async function withExecutor<T>(thread: boolean, db: string, run: (exec: SqlExecutor) => Promise<T>) {
  const exec = openChdbExecutor(dataDir, { thread });
  try {
    await exec.command(`CREATE DATABASE IF NOT EXISTS ${db}`);
    await exec.command(
      `CREATE TABLE IF NOT EXISTS ${db}.t (a UInt64, s String) ENGINE = MergeTree ORDER BY a
       SETTINGS non_replicated_deduplication_window = 1000`,
    );
    return await run(exec);
  } finally {
    await exec.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await exec.close();
  }
}

/**
 * Starts `inserts` inserts at once, then a file-system call, and tells whether the file-system call finished
 * before the first insert did. Node's file-system calls run on the libuv pool (4 threads): if the inserts hold
 * that pool, the call waits for them. An order, not a duration, so the answer does not depend on the machine load.
 */
async function fsCallOvertakesInserts(exec: SqlExecutor, db: string, inserts: number) {
  const batch = rows(20_000, 0);
  let firstInsertAt = 0;
  const done = Array.from({ length: inserts }, (_, i) =>
    exec.insert(`${db}.t`, batch, { insert_deduplication_token: `b${i}` }).then(() => {
      firstInsertAt ||= performance.now();
    }),
  );
  const started = performance.now();
  await fs.promises.stat(dataDir);
  const statAt = performance.now();
  await Promise.all(done);
  return { overtakes: firstInsertAt === 0 || statAt < firstInsertAt, statMs: statAt - started };
}

describe('chDB executor in a worker thread', () => {
  it('answers queries with rows, inserts with settings (dedup token) and keeps engine errors with their message', async () => {
    await withExecutor(true, 'thread_basic', async (exec) => {
      await exec.insert('thread_basic.t', rows(3, 1), { insert_deduplication_token: "it's \\ a token" });
      // Same token again: deduplicated, so the setting reached the engine intact (quote and backslash included).
      await exec.insert('thread_basic.t', rows(3, 1), { insert_deduplication_token: "it's \\ a token" });
      await exec.insert('thread_basic.t', [], {});
      expect(await exec.query('SELECT a, s FROM thread_basic.t ORDER BY a')).toEqual([
        { a: 1, s: 'row 1' },
        { a: 2, s: 'row 2' },
        { a: 3, s: 'row 3' },
      ]);
      expect(
        await exec.query('SELECT count() AS c FROM thread_basic.t WHERE a IN {as:Array(UInt64)}', {
          as: [1, 3],
        }),
      ).toEqual([{ c: 2 }]);
      await expect(exec.query('SELEC 1')).rejects.toThrow(/Syntax error/);
      await expect(exec.query('SELECT * FROM thread_basic.missing')).rejects.toMatchObject({
        name: 'ChdbQueryError',
        clickhouseCode: 60,
        message: expect.stringContaining('thread_basic.missing'),
      });
      await expect(exec.insert('t; DROP TABLE x', rows(1, 1), {})).rejects.toThrow(/not a plain identifier/);
      await expect(exec.insert('thread_basic.t', rows(1, 1), { 'a=1; x': 1 })).rejects.toThrow(
        /not a plain identifier/,
      );
      // The thread is still serving after the errors.
      expect(await exec.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
  });

  it('stores text, nulls, numbers and booleans exactly as given (rows cross the thread by column)', async () => {
    await withExecutor(true, 'thread_values', async (exec) => {
      await exec.command(
        'CREATE TABLE thread_values.v (k UInt32, s Nullable(String), x Nullable(Float64), b Bool) ENGINE = MergeTree ORDER BY k',
      );
      const rows = [
        { k: 1, s: 'quote " backslash \\ newline \n tab \t 中文 emoji 🙂', x: 1e-300, b: true },
        { k: 2, s: null, x: null, b: false },
        { k: 3, s: "it's", x: -0.5, b: true },
      ];
      await exec.insert('thread_values.v', rows, {});
      expect(await exec.query('SELECT k, s, x, b FROM thread_values.v ORDER BY k')).toEqual(rows);
      // Rows of different shapes go as they are (JSONEachRow), defaults filling what is missing.
      await exec.insert(
        'thread_values.v',
        [
          { k: 4, b: true },
          { k: 5, s: 'five', b: false },
        ],
        {},
      );
      expect(await exec.query('SELECT k, s, x FROM thread_values.v WHERE k >= 4 ORDER BY k')).toEqual([
        { k: 4, s: null, x: null },
        { k: 5, s: 'five', x: null },
      ]);
    });
  });

  it('closes cleanly: the directory is released, later calls are refused, another directory can be opened', async () => {
    const exec = openChdbExecutor(dataDir);
    expect(openChdbDirectory()).toBe(path.resolve(dataDir));
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'ingot-chdb-thread-other-'));
    try {
      expect(() => openChdbExecutor(other)).toThrow(ChdbDirectoryInUseError);
      expect(() => openChdbExecutor(dataDir, { thread: false })).toThrow(
        /every store of this process must open it/,
      );
      await exec.close();
      await exec.close();
      expect(openChdbDirectory()).toBeUndefined();
      await expect(exec.query('SELECT 1')).rejects.toThrow('telemetry store is closed');
      const second = openChdbExecutor(other);
      expect(await second.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
      await second.close();
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('reads go before queued writes', async () => {
    await withExecutor(true, 'thread_order', async (exec) => {
      const order: string[] = [];
      const writes = Array.from({ length: 6 }, (_, i) =>
        exec.insert('thread_order.t', rows(20_000, i * 20_000), {}).then(() => order.push(`insert ${i}`)),
      );
      const read = exec.query('SELECT 1 AS one').then(() => order.push('read'));
      await Promise.all([...writes, read]);
      // The first insert may already be running when the read arrives; the read does not wait for the rest.
      expect(order.indexOf('read')).toBeLessThanOrEqual(1);
    });
  });

  it("keeps Node's libuv pool free during inserts (file calls are not held behind them), unlike the in-thread executor", async () => {
    const threaded = await withExecutor(true, 'thread_pool', (exec) =>
      fsCallOvertakesInserts(exec, 'thread_pool', 12),
    );
    const inThread = await withExecutor(false, 'inline_pool', (exec) =>
      fsCallOvertakesInserts(exec, 'inline_pool', 12),
    );
    console.log(
      `fs.stat during 12 concurrent inserts of 20 000 rows: ${threaded.statMs.toFixed(1)} ms with the chDB thread, ` +
        `${inThread.statMs.toFixed(1)} ms with chDB's async calls on the calling thread`,
    );
    expect(threaded.overtakes).toBe(true);
    // The check can fail: with the Session on the calling thread, chDB's async inserts hold the pool.
    expect(inThread.overtakes).toBe(false);
  });

  it('keeps the event loop turning while the engine works (timer gaps measured during a heavy query and inserts)', async () => {
    const exec = openChdbExecutor(dataDir);
    const db = 'thread_loop';
    const store = new ClickHouseTelemetryStore(exec, db, 365);
    try {
      await store.ensureSchema();
      let last = performance.now();
      let maxGap = 0;
      let ticks = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
        ticks += 1;
      }, 5);
      const started = performance.now();
      // About a second of engine work on one query, plus 20 batches of 2 000 points through the store.
      const heavy = exec.query<{ c: number | string }>(
        'SELECT count() AS c FROM numbers(300000000) WHERE cityHash64(number) % 7 = 0 SETTINGS max_threads = 1',
      );
      const t0 = Date.now() - 60_000;
      const inserts = Array.from({ length: 20 }, (_, b) => {
        const points: TelemetryPoint[] = Array.from({ length: 2000 }, (_, k) => ({
          plantId: 'p',
          connectorId: 'c',
          equipment: `E${k % 10}`,
          tag: `t${Math.floor(k / 10) % 10}`,
          ts: t0 + b * 2000 + k,
          value: k,
          quality: 'good',
        }));
        return store.insertPoints('t1', points, { dedupToken: `c:${b}` });
      });
      await Promise.all([heavy, ...inserts]);
      const busyMs = performance.now() - started;
      clearInterval(timer);
      console.log(
        `engine busy ${busyMs.toFixed(0)} ms; event loop: ${ticks} ticks of 5 ms, longest gap ${maxGap.toFixed(0)} ms`,
      );
      expect(Number((await heavy)[0]?.c)).toBeGreaterThan(0);
      // Generous for 2 shared cores; the engine's work itself (a second or more) never runs on this thread.
      expect(maxGap).toBeLessThan(Math.max(250, busyMs / 3));
      const [count] = await exec.query<{ c: number | string }>(`SELECT count() AS c FROM ${db}.points`);
      expect(Number(count?.c)).toBe(40_000);
    } finally {
      await exec.command(`DROP DATABASE IF EXISTS ${db}`);
      await store.close();
    }
  });
});
