import { describe, expect, it } from 'vitest';
import { SequenceHistory } from './sequence-history.ts';

describe('SequenceHistory', () => {
  it('returns the entries inside an inclusive time range, oldest or newest first, bounded in number', () => {
    const h = new SequenceHistory(100);
    for (let i = 1; i <= 50; i++) h.push(1000 + i * 100, i);
    expect(h.range(1000 + 1100, 1000 + 1500, 0, false).map((r) => r.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(h.range(1000 + 1050, 1000 + 1500, 0, false).map((r) => r.seq)).toEqual([11, 12, 13, 14, 15]);
    expect(h.range(undefined, 1000 + 500, 2, true).map((r) => r.seq)).toEqual([5, 4]);
    expect(h.range(1000 + 4800, undefined, 0, false).map((r) => r.seq)).toEqual([48, 49, 50]);
    expect(h.range(1000 + 1100, 1000 + 1500, 3, false).map((r) => r.seq)).toEqual([11, 12, 13]);
    // epoch-sized times: the end bound is inclusive even where 1e-6 ms is below double precision
    const big = new SequenceHistory(10);
    const t0 = Date.UTC(2026, 10, 29);
    for (let i = 1; i <= 5; i++) big.push(t0 + i * 100, i);
    expect(big.range(t0 + 200, t0 + 500, 0, false).map((r) => r.seq)).toEqual([2, 3, 4, 5]);
  });

  it('keeps only the newest `capacity` entries', () => {
    const h = new SequenceHistory(10);
    for (let i = 1; i <= 25; i++) h.push(i, i);
    expect(h.length).toBe(10);
    expect(h.range(undefined, undefined, 0, false).map((r) => r.seq)).toEqual([
      16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    ]);
    expect(h.range(0, 17, 0, false).map((r) => r.seq)).toEqual([16, 17]);
  });

  it('refuses timestamps that do not increase and a capacity below 1', () => {
    const h = new SequenceHistory(5);
    h.push(10, 1);
    expect(() => h.push(10, 2)).toThrow(/must increase/);
    expect(() => new SequenceHistory(0)).toThrow(/positive integer/);
  });
});
