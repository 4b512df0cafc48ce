/**
 * A bounded in-memory history of one sequence variable: (source time, sequence number) pairs in time order.
 * It lives outside the OPC UA server, so a client that lost samples (its process was killed, or the server
 * restarted) can read back what was produced in between with HistoryRead; the oldest entries drop out once
 * `capacity` is reached.
 */
export class SequenceHistory {
  private readonly ts: Float64Array;
  private readonly seq: Uint32Array;
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`history capacity must be a positive integer, got ${capacity}`);
    this.ts = new Float64Array(capacity);
    this.seq = new Uint32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(tsMs: number, seq: number): void {
    const last = this.size > 0 ? this.at(this.size - 1) : undefined;
    if (last && tsMs <= last.tsMs)
      throw new Error(`history timestamps must increase (${tsMs} after ${last.tsMs})`);
    const i = (this.start + this.size) % this.capacity;
    this.ts[i] = tsMs;
    this.seq[i] = seq;
    if (this.size < this.capacity) this.size += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  at(k: number): { tsMs: number; seq: number } | undefined {
    if (k < 0 || k >= this.size) return undefined;
    const i = (this.start + k) % this.capacity;
    return { tsMs: this.ts[i] as number, seq: this.seq[i] as number };
  }

  /** First index whose time is >= tsMs (or > tsMs when `after`); size when none. */
  private bound(tsMs: number, after: boolean): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.at(mid)?.tsMs ?? Number.POSITIVE_INFINITY;
      if (t < tsMs || (after && t === tsMs)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Entries with startMs <= time <= endMs (either bound may be undefined = open), oldest first or newest first,
   * at most `max` of them (0 = no limit).
   */
  range(startMs: number | undefined, endMs: number | undefined, max: number, newestFirst: boolean) {
    const from = startMs === undefined ? 0 : this.bound(startMs, false);
    const to = endMs === undefined ? this.size : this.bound(endMs, true);
    const out: Array<{ tsMs: number; seq: number }> = [];
    if (newestFirst) {
      for (let k = to - 1; k >= from && (max === 0 || out.length < max); k--)
        out.push(this.at(k) as { tsMs: number; seq: number });
    } else {
      for (let k = from; k < to && (max === 0 || out.length < max); k++)
        out.push(this.at(k) as { tsMs: number; seq: number });
    }
    return out;
  }
}
