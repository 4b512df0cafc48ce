import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TSpoolStatus, TTelemetryPoint } from '@ingot/contracts';
import Database from 'better-sqlite3';

export interface SpoolOptions {
  file: string;
  connectorId: string;
  /** Payload bytes kept at most (telemetry batches; alarms are bounded separately by count). */
  maxBytes: number;
  synchronous?: 'full' | 'normal';
  /** Pending alarm messages kept at most (oldest dropped first). */
  maxAlarms?: number;
}

export interface SpooledBatch {
  seq: number;
  createdAt: number;
  points: number;
  payload: Buffer;
}

export interface SpooledMessage {
  id: number;
  kind: 'alarm';
  payload: Buffer;
}

export interface DropReport {
  droppedBatches: number;
  droppedPoints: number;
  firstSeq: number;
  lastSeq: number;
}

export interface AppendResult {
  seq: number;
  bytes: number;
  /** Set when appending this batch pushed older batches out. */
  dropped: DropReport | null;
}

/**
 * Durable store-and-forward queue: telemetry batches wait here, in SQLite (WAL), until the broker has
 * acknowledged them (PUBACK); only then are they deleted. The batch sequence number is assigned here, in the
 * same transaction that stores the batch, and the next number is kept in the database, so a restart (even
 * after SIGKILL) continues the sequence with no reuse.
 *
 * Bounded in payload bytes. When a new batch does not fit, the OLDEST batches that are not in flight are
 * deleted and counted (dropped points/batches, persisted): after a long outage the spool holds the most
 * recent `maxBytes` of data, which is what live views, alarms and the current production state need, and
 * ingest sees the gap in batchSeq that the spool-overflow alarm explains.
 */
export class Spool {
  readonly file: string;
  readonly maxBytes: number;
  private readonly db: Database.Database;
  private readonly connectorId: string;
  private readonly maxAlarms: number;
  private bytes = 0;
  private count = 0;
  private pointsTotal = 0;
  private readonly stmts;

  constructor(opts: SpoolOptions) {
    this.file = opts.file;
    this.maxBytes = opts.maxBytes;
    this.connectorId = opts.connectorId;
    this.maxAlarms = opts.maxAlarms ?? 1000;
    mkdirSync(path.dirname(opts.file), { recursive: true, mode: 0o750 });
    this.db = new Database(opts.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    // Keep the WAL from growing past ~64 MiB after checkpoints.
    this.db.pragma('journal_size_limit = 67108864');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS batches (
        seq INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        points INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        payload BLOB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        payload BLOB NOT NULL
      );
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value NOT NULL);
      CREATE TABLE IF NOT EXISTS last_ts (key TEXT PRIMARY KEY, ts INTEGER NOT NULL) WITHOUT ROWID;
      INSERT OR IGNORE INTO meta(key, value) VALUES ('next_seq', 0), ('dropped_points', 0), ('dropped_batches', 0);
    `);
    const connector = this.db.prepare<[], { value: string }>(
      "SELECT value FROM meta WHERE key = 'connector_id'",
    );
    const existing = connector.get();
    if (existing === undefined) {
      this.db.prepare("INSERT INTO meta(key, value) VALUES ('connector_id', ?)").run(opts.connectorId);
    } else if (String(existing.value) !== opts.connectorId) {
      throw new Error(
        `spool ${opts.file} belongs to connector "${existing.value}", not "${opts.connectorId}": use another dataDir`,
      );
    }
    this.stmts = {
      getMeta: this.db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare<[number, string]>('UPDATE meta SET value = ? WHERE key = ?'),
      addMeta: this.db.prepare<[number, string]>('UPDATE meta SET value = value + ? WHERE key = ?'),
      insert: this.db.prepare<[number, number, number, number, Buffer]>(
        'INSERT INTO batches(seq, created_at, points, bytes, payload) VALUES (?, ?, ?, ?, ?)',
      ),
      oldest: this.db.prepare<[number], { seq: number; points: number; bytes: number }>(
        'SELECT seq, points, bytes FROM batches ORDER BY seq LIMIT ?',
      ),
      del: this.db.prepare<[number], { points: number; bytes: number }>(
        'DELETE FROM batches WHERE seq = ? RETURNING points, bytes',
      ),
      after: this.db.prepare<[number, number], SpooledBatch & { created_at: number }>(
        'SELECT seq, created_at, points, payload FROM batches WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      oldestCreated: this.db.prepare<[], { created_at: number }>(
        'SELECT created_at FROM batches ORDER BY seq LIMIT 1',
      ),
      totals: this.db.prepare<[], { n: number; b: number | null; p: number | null }>(
        'SELECT COUNT(*) AS n, SUM(bytes) AS b, SUM(points) AS p FROM batches',
      ),
      insertMsg: this.db.prepare<[string, Buffer]>('INSERT INTO messages(kind, payload) VALUES (?, ?)'),
      trimMsgs: this.db.prepare<[number]>(
        'DELETE FROM messages WHERE id NOT IN (SELECT id FROM messages ORDER BY id DESC LIMIT ?)',
      ),
      msgs: this.db.prepare<[number], { id: number; kind: 'alarm'; payload: Buffer }>(
        'SELECT id, kind, payload FROM messages ORDER BY id LIMIT ?',
      ),
      delMsg: this.db.prepare<[number]>('DELETE FROM messages WHERE id = ?'),
      upsertTs: this.db.prepare<[string, number]>(
        'INSERT INTO last_ts(key, ts) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET ts = max(ts, excluded.ts)',
      ),
      allTs: this.db.prepare<[], { key: string; ts: number }>('SELECT key, ts FROM last_ts'),
    };
    const t = this.stmts.totals.get();
    this.count = t?.n ?? 0;
    this.bytes = t?.b ?? 0;
    this.pointsTotal = t?.p ?? 0;
  }

  private meta(key: string): number {
    return Number(this.stmts.getMeta.get(key)?.value ?? 0);
  }

  /**
   * Stores a batch and returns its sequence number. `inflight` are sequence numbers published and awaiting
   * PUBACK: they are not dropped (they may already be delivered).
   */
  append(
    points: TTelemetryPoint[],
    createdAt: number,
    inflight: ReadonlySet<number> = new Set(),
  ): AppendResult {
    return this.db.transaction((): AppendResult => {
      const seq = this.meta('next_seq');
      const payload = Buffer.from(
        JSON.stringify({ v: 1, connectorId: this.connectorId, batchSeq: seq, createdAt, points }),
        'utf8',
      );
      if (payload.byteLength > this.maxBytes) {
        throw new Error(
          `a batch of ${payload.byteLength} bytes can never fit a spool of ${this.maxBytes} bytes`,
        );
      }
      let dropped: DropReport | null = null;
      if (this.bytes + payload.byteLength > this.maxBytes) {
        dropped = this.dropOldest(this.bytes + payload.byteLength - this.maxBytes, inflight);
      }
      this.stmts.insert.run(seq, createdAt, points.length, payload.byteLength, payload);
      // Newest source timestamp per equipment/tag, in the same transaction: after a crash the sources
      // backfill (OPC UA HistoryRead) from exactly what is safe in the spool.
      const newest = new Map<string, number>();
      for (const p of points) {
        const key = `${p.equipment}/${p.tag}`;
        const t = newest.get(key);
        if (t === undefined || p.ts > t) newest.set(key, p.ts);
      }
      for (const [key, ts] of newest) this.stmts.upsertTs.run(key, ts);
      this.stmts.setMeta.run(seq + 1, 'next_seq');
      this.bytes += payload.byteLength;
      this.count += 1;
      this.pointsTotal += points.length;
      return { seq, bytes: payload.byteLength, dropped };
    })();
  }

  /** Within a transaction: deletes the oldest not-in-flight batches until `needBytes` are freed. */
  private dropOldest(needBytes: number, inflight: ReadonlySet<number>): DropReport | null {
    let freed = 0;
    const report: DropReport = { droppedBatches: 0, droppedPoints: 0, firstSeq: -1, lastSeq: -1 };
    const candidates = this.stmts.oldest.all(inflight.size + 1024);
    for (const c of candidates) {
      if (freed >= needBytes) break;
      if (inflight.has(c.seq)) continue;
      this.stmts.del.run(c.seq);
      freed += c.bytes;
      this.bytes -= c.bytes;
      this.count -= 1;
      this.pointsTotal -= c.points;
      report.droppedBatches += 1;
      report.droppedPoints += c.points;
      if (report.firstSeq < 0) report.firstSeq = c.seq;
      report.lastSeq = c.seq;
    }
    if (freed < needBytes && candidates.length === inflight.size + 1024) {
      // Many small batches: go round again.
      const more = this.dropOldest(needBytes - freed, inflight);
      if (more) {
        report.droppedBatches += more.droppedBatches;
        report.droppedPoints += more.droppedPoints;
        if (report.firstSeq < 0) report.firstSeq = more.firstSeq;
        report.lastSeq = more.lastSeq;
      }
    }
    if (report.droppedBatches === 0) return null;
    this.stmts.addMeta.run(report.droppedBatches, 'dropped_batches');
    this.stmts.addMeta.run(report.droppedPoints, 'dropped_points');
    return report;
  }

  /** Newest spooled source timestamp per "equipment/tag" (spooled = survived any crash). */
  lastTimestamps(): Map<string, number> {
    return new Map(this.stmts.allTs.all().map((r) => [r.key, r.ts]));
  }

  /** Up to `limit` batches with seq > afterSeq, oldest first. */
  next(afterSeq: number, limit: number): SpooledBatch[] {
    return this.stmts.after.all(afterSeq, limit).map((r) => ({
      seq: r.seq,
      createdAt: r.created_at,
      points: r.points,
      payload: r.payload,
    }));
  }

  /** Deletes acknowledged batches (one transaction); returns the points they held. */
  ack(seqs: readonly number[]): number {
    if (seqs.length === 0) return 0;
    return this.db.transaction(() => {
      let points = 0;
      for (const seq of seqs) {
        const r = this.stmts.del.get(seq);
        if (r) {
          points += r.points;
          this.bytes -= r.bytes;
          this.count -= 1;
          this.pointsTotal -= r.points;
        }
      }
      return points;
    })();
  }

  /** Drops one batch the broker refused for good (counted as dropped). */
  discard(seq: number): void {
    this.db.transaction(() => {
      const r = this.stmts.del.get(seq);
      if (!r) return;
      this.bytes -= r.bytes;
      this.count -= 1;
      this.pointsTotal -= r.points;
      this.stmts.addMeta.run(1, 'dropped_batches');
      this.stmts.addMeta.run(r.points, 'dropped_points');
    })();
  }

  pushMessage(kind: 'alarm', payload: Buffer): void {
    this.db.transaction(() => {
      this.stmts.insertMsg.run(kind, payload);
      this.stmts.trimMsgs.run(this.maxAlarms);
    })();
  }

  messages(limit: number): SpooledMessage[] {
    return this.stmts.msgs.all(limit);
  }

  ackMessage(id: number): void {
    this.stmts.delMsg.run(id);
  }

  status(): TSpoolStatus {
    const oldest = this.stmts.oldestCreated.get();
    return {
      depthBatches: this.count,
      depthPoints: this.pointsTotal,
      bytes: this.bytes,
      maxBytes: this.maxBytes,
      oldestAt: oldest?.created_at ?? null,
      droppedPoints: this.meta('dropped_points'),
      droppedBatches: this.meta('dropped_batches'),
      nextBatchSeq: this.meta('next_seq'),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Reads a spool's figures without taking part in writing (for `ingot-connector status`). */
export function readSpoolStatus(file: string, maxBytes: number): TSpoolStatus {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    const meta = (key: string) =>
      Number(
        db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? 0,
      );
    const t = db
      .prepare<[], { n: number; b: number | null; p: number | null; o: number | null }>(
        'SELECT COUNT(*) AS n, SUM(bytes) AS b, SUM(points) AS p, MIN(created_at) AS o FROM batches',
      )
      .get();
    return {
      depthBatches: t?.n ?? 0,
      depthPoints: t?.p ?? 0,
      bytes: t?.b ?? 0,
      maxBytes,
      oldestAt: t?.o ?? null,
      droppedPoints: meta('dropped_points'),
      droppedBatches: meta('dropped_batches'),
      nextBatchSeq: meta('next_seq'),
    };
  } finally {
    db.close();
  }
}
