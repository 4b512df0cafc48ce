import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_MESSAGE_BYTES, type TTelemetryPoint, ZTelemetryBatch } from '@ingot/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { readSpoolStatus, Spool } from './spool.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ingot-spool-'));
  dirs.push(dir);
  return path.join(dir, 'spool.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ts = Date.UTC(2026, 10, 29);
const points = (n: number, from = 0): TTelemetryPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    equipment: 'CM-1',
    tag: 'seq',
    ts: ts + from + i,
    value: from + i,
    quality: 'good',
  }));

describe('spool', () => {
  it('assigns batch sequence numbers that survive a reopen, and stores valid v1 batches', () => {
    const file = tempFile();
    const a = new Spool({ file, connectorId: 'edge-01', maxBytes: 4 * MAX_MESSAGE_BYTES });
    expect(a.append(points(3), ts).seq).toBe(0);
    expect(a.append(points(2), ts).seq).toBe(1);
    expect(a.ack([0, 1])).toBe(5);
    a.close();
    const b = new Spool({ file, connectorId: 'edge-01', maxBytes: 4 * MAX_MESSAGE_BYTES });
    expect(b.append(points(1), ts).seq).toBe(2);
    const [batch] = b.next(-1, 10);
    const parsed = ZTelemetryBatch.parse(JSON.parse(batch?.payload.toString('utf8') ?? ''));
    expect(parsed).toMatchObject({ v: 1, connectorId: 'edge-01', batchSeq: 2 });
    expect(b.status()).toMatchObject({ depthBatches: 1, depthPoints: 1, nextBatchSeq: 3, droppedPoints: 0 });
    b.close();
  });

  it('keeps the newest spooled source timestamp per tag, for backfill after a crash', () => {
    const file = tempFile();
    const a = new Spool({ file, connectorId: 'edge-01', maxBytes: 4 * MAX_MESSAGE_BYTES });
    a.append(points(3, 0), ts);
    a.append([{ equipment: 'CM-1', tag: 'seq', ts: ts - 10, value: 0, quality: 'good' }], ts);
    a.close();
    const b = new Spool({ file, connectorId: 'edge-01', maxBytes: 4 * MAX_MESSAGE_BYTES });
    expect(b.lastTimestamps()).toEqual(new Map([['CM-1/seq', ts + 2]]));
    b.close();
  });

  it('refuses a data directory that belongs to another connector', () => {
    const file = tempFile();
    new Spool({ file, connectorId: 'edge-01', maxBytes: 4 * MAX_MESSAGE_BYTES }).close();
    expect(() => new Spool({ file, connectorId: 'edge-02', maxBytes: 4 * MAX_MESSAGE_BYTES })).toThrow(
      /belongs to connector "edge-01"/,
    );
  });

  it('when full drops the oldest batches that are not in flight, and counts them persistently', () => {
    const file = tempFile();
    const spool = new Spool({ file, connectorId: 'edge-01', maxBytes: 10_000 });
    const sizes: number[] = [];
    for (let i = 0; i < 10; i++) sizes.push(spool.append(points(10, i * 10), ts).bytes);
    expect(spool.status().bytes).toBeLessThanOrEqual(10_000);
    const before = spool.status();
    // seq of the oldest remaining batch is in flight: it must survive, the next ones go.
    const oldest = spool.next(-1, 1)[0]?.seq ?? -1;
    const r = spool.append(points(40, 1000), ts, new Set([oldest]));
    expect(r.dropped).not.toBeNull();
    expect(r.dropped?.firstSeq).toBe(oldest + 1);
    expect(spool.next(-1, 1)[0]?.seq).toBe(oldest);
    const after = spool.status();
    expect(after.bytes).toBeLessThanOrEqual(10_000);
    expect(after.droppedPoints).toBe(before.droppedPoints + (r.dropped?.droppedPoints ?? 0));
    expect(after.droppedBatches).toBeGreaterThan(0);
    spool.close();
    expect(readSpoolStatus(file, 10_000)).toEqual(after);
  });

  it('keeps alarms in their own bounded queue', () => {
    const spool = new Spool({
      file: tempFile(),
      connectorId: 'edge-01',
      maxBytes: 4 * MAX_MESSAGE_BYTES,
      maxAlarms: 3,
    });
    for (let i = 0; i < 5; i++) spool.pushMessage('alarm', Buffer.from(String(i)));
    const msgs = spool.messages(10);
    expect(msgs.map((m) => m.payload.toString())).toEqual(['2', '3', '4']);
    spool.ackMessage(msgs[0]?.id ?? -1);
    expect(spool.messages(10)).toHaveLength(2);
    spool.close();
  });
});
