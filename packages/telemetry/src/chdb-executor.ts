import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
// Loading the addon on the main thread is also what keeps it loaded when the chDB thread exits: a native addon
// loaded only by a worker is unloaded with it, and chDB 3.4 then crashes the process (SIGSEGV at exit).
import { Session } from 'chdb';
import {
  CHDB_WORKER_SOURCE,
  type TChdbRequest,
  type TChdbResponse,
  type TChdbWorkerData,
} from './chdb-worker.ts';
import { encodeRows, transferables } from './chdb-worker-columns.ts';
import type { SqlExecutor, SqlParams } from './sql-executor.ts';

/**
 * chDB runs the ClickHouse engine inside this process, and the engine allows ONE data directory per process:
 * opening a second path while one is open throws. So every store in a process shares one engine handle, counted by
 * reference: the first `openChdbExecutor(dir)` opens it, later calls with the same directory share it, a
 * different directory is refused with an error saying which one is open, and the last `close()` closes it.
 * (A second PROCESS on the same directory fails to lock it: ingest, the web app and `npm start` must agree on
 * one process owning the embedded store, or use the server backend.)
 *
 * The handle is, by default, a thread of this process that owns the Session (chdb-worker.ts): queries and
 * inserts are messages, so neither the engine's work nor the JSON encoding of rows runs on the event loop or
 * on Node's libuv pool. `{ thread: false }` runs the Session on the calling thread (chDB's async calls, which use
 * the libuv pool) — kept for comparison in the tests and the bench.
 */
export interface ChdbExecutorOptions {
  /** true (default): the Session lives in a worker thread. false: in the calling thread. */
  thread?: boolean;
}

interface SharedEngine {
  dir: string;
  thread: boolean;
  refs: number;
  handle: ChdbThread | Session;
}

let shared: SharedEngine | undefined;
/** The thread being closed, if any: a new one waits for it, so the directory is never open twice. */
let closing: Promise<void> = Promise.resolve();

export class ChdbDirectoryInUseError extends Error {
  override readonly name = 'ChdbDirectoryInUseError';
}

/** An error of the engine, carried over from the chDB thread with its name, message and codes. */
export class ChdbThreadError extends Error {
  code?: string;
  clickhouseCode?: number;
  constructor(e: Extract<TChdbResponse, { ok: false }>['error']) {
    super(e.message);
    this.name = e.name;
    if (e.code !== undefined) this.code = e.code;
    if (e.clickhouseCode !== undefined) this.clickhouseCode = e.clickhouseCode;
  }
}

const CHDB_ENTRY = createRequire(import.meta.url).resolve('chdb');
const CLOSE_TIMEOUT_MS = 30_000;

type TRequestBody = TChdbRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** The worker thread that owns the Session, and the requests waiting for its answers. */
class ChdbThread {
  private worker: Worker | null = null;
  private readonly started: Promise<Worker>;
  private readonly pending = new Map<
    number,
    { resolve: (r: unknown[] | undefined) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private failure: Error | null = null;
  private exited!: Promise<void>;

  constructor(
    readonly dir: string,
    after: Promise<void>,
  ) {
    this.started = after.then(() => this.start());
    // An unhandled failure here is reported to the first request instead.
    this.started.catch(() => undefined);
  }

  private start(): Worker {
    const workerData: TChdbWorkerData = { chdbPath: CHDB_ENTRY, dataDir: this.dir };
    const worker = new Worker(CHDB_WORKER_SOURCE, { eval: true, workerData, name: 'chdb' });
    // Idle, the thread does not keep the process alive (like the in-thread Session); a request refs it.
    worker.unref();
    worker.on('message', (m: TChdbResponse) => this.settle(m));
    this.exited = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        this.failAll(new Error(`the chDB thread exited (code ${code})`));
        resolve();
      });
    });
    worker.on('error', (e) => this.failAll(e));
    this.worker = worker;
    return worker;
  }

  private settle(m: TChdbResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (m.ok) p.resolve(m.rows);
    else p.reject(new ChdbThreadError(m.error));
  }

  private failAll(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  async request(body: TRequestBody, transfer: ArrayBuffer[] = []): Promise<unknown[] | undefined> {
    const worker = await this.started;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ ...body, id } as TChdbRequest, transfer);
    });
  }

  /** Closes the Session in the thread (after the requests queued before), then lets the thread end. */
  async close(): Promise<void> {
    let worker: Worker;
    try {
      worker = await this.started;
    } catch {
      return;
    }
    if (!this.failure) await this.request({ op: 'close' }).catch(() => undefined);
    const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

function acquire(dataDir: string, thread: boolean): SharedEngine {
  const dir = path.resolve(dataDir);
  if (shared && shared.dir !== dir) {
    throw new ChdbDirectoryInUseError(
      `chDB allows one data directory per process: "${shared.dir}" is open here, so "${dir}" cannot be opened. ` +
        'Open every telemetry store of this process on the same dataDir (or close the other stores first).',
    );
  }
  if (shared && shared.thread !== thread) {
    throw new ChdbDirectoryInUseError(
      `chDB data directory "${dir}" is open ${shared.thread ? 'in the chDB thread' : 'on the calling thread'}: ` +
        'every store of this process must open it the same way.',
    );
  }
  if (!shared) {
    shared = { dir, thread, refs: 0, handle: thread ? new ChdbThread(dir, closing) : new Session(dir) };
  }
  shared.refs += 1;
  return shared;
}

function release(engine: SharedEngine): Promise<void> {
  if (shared !== engine) return Promise.resolve();
  engine.refs -= 1;
  if (engine.refs > 0) return Promise.resolve();
  shared = undefined;
  if (engine.handle instanceof Session) {
    engine.handle.close();
    return Promise.resolve();
  }
  const done = engine.handle.close();
  closing = done.catch(() => undefined);
  return done;
}

/** The data directory of the process's open chDB engine, if any. */
export const openChdbDirectory = (): string | undefined => shared?.dir;

export function openChdbExecutor(dataDir: string, options: ChdbExecutorOptions = {}): SqlExecutor {
  const engine = acquire(dataDir, options.thread ?? true);
  return engine.handle instanceof Session
    ? inThreadExecutor(engine, engine.handle)
    : threadExecutor(engine, engine.handle);
}

function threadExecutor(engine: SharedEngine, thread: ChdbThread): SqlExecutor {
  let closed = false;
  const live = () => {
    if (closed) throw new Error('telemetry store is closed');
    return thread;
  };
  return {
    backend: 'chdb',
    async query<T>(sql: string, params?: SqlParams): Promise<T[]> {
      const rows = await live().request(params ? { op: 'query', sql, params } : { op: 'query', sql });
      return (rows ?? []) as T[];
    },
    async command(sql: string, params?: SqlParams): Promise<void> {
      await live().request(params ? { op: 'command', sql, params } : { op: 'command', sql });
    },
    async insert(table, rows, settings): Promise<void> {
      const t = live();
      if (rows.length === 0) return;
      const encoded = encodeRows(rows);
      await t.request(
        { op: 'insert', table, data: encoded ? { encoded } : { rows }, settings },
        encoded ? transferables(encoded) : [],
      );
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await release(engine);
    },
  };
}

function inThreadExecutor(engine: SharedEngine, session: Session): SqlExecutor {
  let closed = false;
  const live = () => {
    if (closed) throw new Error('telemetry store is closed');
    return session;
  };
  return {
    backend: 'chdb',
    async query<T>(sql: string, params?: SqlParams): Promise<T[]> {
      const s = live();
      const result = params
        ? await s.queryBindAsync(sql, params, { format: 'JSONEachRow' })
        : await s.queryAsync(sql, { format: 'JSONEachRow' });
      const text = result.text();
      const rows: T[] = [];
      for (const line of text.split('\n')) if (line) rows.push(JSON.parse(line) as T);
      return rows;
    },
    async command(sql: string, params?: SqlParams): Promise<void> {
      const s = live();
      if (params) await s.queryBindAsync(sql, params);
      else await s.queryAsync(sql);
    },
    async insert(table, rows, settings): Promise<void> {
      const s = live();
      if (rows.length === 0) return;
      const payload = Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n'));
      await s.insert({ table, values: payload, format: 'JSONEachRow', settings });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await release(engine);
    },
  };
}
