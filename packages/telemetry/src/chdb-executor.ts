import path from 'node:path';
import { Session } from 'chdb';
import type { SqlExecutor, SqlParams } from './sql-executor.ts';

/**
 * chDB runs the ClickHouse engine inside this process, and the engine allows ONE data directory per process:
 * opening a second path while one is open throws. So every store in a process shares one Session, counted by
 * reference: the first `openChdbExecutor(dir)` opens it, later calls with the same directory share it, a
 * different directory is refused with an error saying which one is open, and the last `close()` closes it.
 * (A second PROCESS on the same directory fails to lock it: ingest, the web app and `npm start` must agree on
 * one process owning the embedded store, or use the server backend.)
 */
let shared: { dir: string; session: Session; refs: number } | undefined;

export class ChdbDirectoryInUseError extends Error {
  override readonly name = 'ChdbDirectoryInUseError';
}

function acquire(dataDir: string): Session {
  const dir = path.resolve(dataDir);
  if (shared && shared.dir !== dir) {
    throw new ChdbDirectoryInUseError(
      `chDB allows one data directory per process: "${shared.dir}" is open here, so "${dir}" cannot be opened. ` +
        'Open every telemetry store of this process on the same dataDir (or close the other stores first).',
    );
  }
  if (!shared) shared = { dir, session: new Session(dir), refs: 0 };
  shared.refs += 1;
  return shared.session;
}

function release(session: Session): void {
  if (!shared || shared.session !== session) return;
  shared.refs -= 1;
  if (shared.refs === 0) {
    shared.session.close();
    shared = undefined;
  }
}

/** The data directory of the process's open chDB session, if any. */
export const openChdbDirectory = (): string | undefined => shared?.dir;

export function openChdbExecutor(dataDir: string): SqlExecutor {
  const session = acquire(dataDir);
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
      release(session);
    },
  };
}
