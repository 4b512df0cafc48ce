/**
 * The chDB thread: a `worker_threads` Worker that owns the process's chDB Session and runs every query and insert
 * on its own thread with chDB's SYNCHRONOUS calls. Why a thread and synchronous calls:
 *
 * - chDB's async calls (`queryAsync`, `insert`) run on Node's libuv pool, four threads shared by the whole process.
 *   Four concurrent inserts of ingest occupy all four, and the portal's file reads, `crypto.scrypt` (broker
 *   authentication), zlib and DNS lookups wait behind them: an `fs.stat` took 613 ms during six concurrent
 *   inserts (see README). Here chDB never touches the pool.
 * - Turning rows into JSONEachRow text and parsing result rows also happen here, not on the portal's event loop
 *   (a row crosses the thread boundary by structured clone, about half the cost of JSON.stringify on the sender).
 *
 * The code is plain CommonJS JavaScript run with `new Worker(source, { eval: true })`, so it needs no loader: it
 * runs the same under tsx, vitest and a bundled Next.js server (a worker thread does not inherit `--import tsx`).
 * One request at a time; reads go before queued writes, so a portal page is not held behind an ingest backlog.
 */

import type { TEncodedRows } from './chdb-worker-columns.ts';

export type TChdbParams = Record<string, string | number | boolean | readonly string[] | readonly number[]>;

export type TChdbRequest =
  | { id: number; op: 'query'; sql: string; params?: TChdbParams }
  | { id: number; op: 'command'; sql: string; params?: TChdbParams }
  | {
      id: number;
      op: 'insert';
      table: string;
      /** Rows by column (chdb-worker-columns.ts), or as they are when they do not share one set of keys. */
      data: { encoded: TEncodedRows } | { rows: readonly Record<string, unknown>[] };
      settings: Record<string, string | number>;
    }
  | { id: number; op: 'close' };

export type TChdbResponse =
  | { id: number; ok: true; rows?: unknown[] }
  | {
      id: number;
      ok: false;
      error: { name: string; message: string; code?: string; clickhouseCode?: number };
    };

export interface TChdbWorkerData {
  /** Absolute path of the `chdb` package's CommonJS entry, resolved by the main thread. */
  chdbPath: string;
  dataDir: string;
}

export const CHDB_WORKER_SOURCE = String.raw`'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { Session } = require(workerData.chdbPath);

const TABLE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const SETTING = /^[A-Za-z_][A-Za-z0-9_]*$/;

let session = null;
let openError = null;
try {
  session = new Session(workerData.dataDir);
} catch (e) {
  openError = e;
}

function literal(name, v) {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('insert setting ' + name + ': not a finite number');
    return String(v);
  }
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v !== 'string') throw new Error('insert setting ' + name + ': must be a string or a number');
  return "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'";
}

// Rows encoded by column (chdb-worker-columns.ts) as JSONCompactEachRow lines; each distinct string is escaped once.
function compactBody(encoded) {
  const cells = encoded.columns.map((c) => {
    if (c.kind === 'string') {
      const text = c.dict.map((s) => JSON.stringify(s));
      return c.nulls ? (i) => (c.nulls[i] ? 'null' : text[c.codes[i]]) : (i) => text[c.codes[i]];
    }
    if (c.kind === 'number') {
      return c.nulls ? (i) => (c.nulls[i] ? 'null' : JSON.stringify(c.values[i])) : (i) => JSON.stringify(c.values[i]);
    }
    return (i) => JSON.stringify(c.values[i]);
  });
  const lines = new Array(encoded.count);
  for (let i = 0; i < encoded.count; i++) {
    let line = '[';
    for (let j = 0; j < cells.length; j++) line += (j ? ',' : '') + cells[j](i);
    lines[i] = line + ']';
  }
  return lines.join('\n');
}

function insertSql(table, data, settings) {
  if (!TABLE.test(table)) throw new Error('insert table ' + JSON.stringify(table) + ' is not a plain identifier');
  const names = Object.keys(settings || {});
  const pairs = names.map((n) => {
    if (!SETTING.test(n)) throw new Error('insert setting ' + JSON.stringify(n) + ' is not a plain identifier');
    return n + ' = ' + literal(n, settings[n]);
  });
  const head = 'INSERT INTO ' + table;
  const tail = pairs.length ? ' SETTINGS ' + pairs.join(', ') : '';
  if (data.encoded) {
    const columns = data.encoded.columns.map((c) => {
      if (!SETTING.test(c.name)) throw new Error('insert column ' + JSON.stringify(c.name) + ' is not a plain identifier');
      return c.name;
    });
    return head + ' (' + columns.join(', ') + ')' + tail + ' FORMAT JSONCompactEachRow\n' + compactBody(data.encoded);
  }
  const rows = data.rows;
  let body = '';
  for (let i = 0; i < rows.length; i++) body += (i ? '\n' : '') + JSON.stringify(rows[i]);
  return head + tail + ' FORMAT JSONEachRow\n' + body;
}

function parseRows(text) {
  const rows = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) rows.push(JSON.parse(text.slice(start, end)));
    start = end + 1;
  }
  return rows;
}

// chDB's synchronous calls leave the engine's error code in the message only ("Code: 60. DB::Exception: ...").
function clickhouseCode(err) {
  if (typeof err.clickhouseCode === 'number') return err.clickhouseCode;
  const m = /\bCode: (\d+)\./.exec(err.message);
  return m ? Number(m[1]) : undefined;
}

function run(req) {
  if (req.op === 'close') {
    if (session) session.close();
    session = null;
    return undefined;
  }
  if (openError) throw openError;
  if (!session) throw new Error('telemetry store is closed');
  switch (req.op) {
    case 'query': {
      const text = req.params ? session.queryBind(req.sql, req.params, 'JSONEachRow') : session.query(req.sql, 'JSONEachRow');
      return parseRows(text);
    }
    case 'command':
      if (req.params) session.queryBind(req.sql, req.params, 'TSV');
      else session.query(req.sql, 'TSV');
      return undefined;
    case 'insert':
      if ((req.data.encoded ? req.data.encoded.count : req.data.rows.length) > 0) {
        session.query(insertSql(req.table, req.data, req.settings), 'TSV');
      }
      return undefined;
    default:
      throw new Error('unknown chDB thread request ' + JSON.stringify(req.op));
  }
}

const reads = [];
const writes = [];
let scheduled = false;

function next() {
  scheduled = false;
  const req = reads.length > 0 ? reads.shift() : writes.shift();
  if (!req) return;
  let reply;
  try {
    const rows = run(req);
    reply = rows === undefined ? { id: req.id, ok: true } : { id: req.id, ok: true, rows };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = {
      id: req.id,
      ok: false,
      error: { name: err.name, message: err.message, code: err.code, clickhouseCode: clickhouseCode(err) },
    };
  }
  parentPort.postMessage(reply);
  if (req.op === 'close') {
    parentPort.close();
    return;
  }
  // Yield to the thread's event loop between requests, so messages that arrived meanwhile are queued (and a read
  // can go before the writes) before the next one runs.
  if (reads.length > 0 || writes.length > 0) schedule();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(next);
}

parentPort.on('message', (req) => {
  (req.op === 'query' ? reads : writes).push(req);
  schedule();
});
`;
