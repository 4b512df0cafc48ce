import { describe, expect, it } from 'vitest';
import { coilBins, coilRuns } from './coil-runs.ts';

describe('coilRuns', () => {
  it('merges repeated ids, ends a run at the next id or an empty one, and keeps a later pass apart', () => {
    expect(
      coilRuns([
        { ts: 30, text: 'B' },
        { ts: 10, text: 'A' },
        { ts: 20, text: 'A' },
        { ts: 40, text: '' },
        { ts: 50, text: 'A' },
      ]),
    ).toEqual([
      { coilId: 'A', startMs: 10, endMs: 30 },
      { coilId: 'B', startMs: 30, endMs: 40 },
      { coilId: 'A', startMs: 50, endMs: null },
    ]);
    expect(coilRuns([])).toEqual([]);
  });
});

describe('coilBins', () => {
  it('bins per tag by floor(length / width) with min, max, avg and count, empty bins left out', () => {
    const at = (tag: string, lengthM: number, value: number) => ({ tag, ts: new Date(0), lengthM, value });
    expect(coilBins([at('t', 0, 1), at('t', 4.99, 3), at('t', 12, 5), at('f', 1, 2)], 5)).toEqual([
      { tag: 'f', fromM: 0, toM: 5, min: 2, max: 2, avg: 2, count: 1 },
      { tag: 't', fromM: 0, toM: 5, min: 1, max: 3, avg: 2, count: 2 },
      { tag: 't', fromM: 10, toM: 15, min: 5, max: 5, avg: 5, count: 1 },
    ]);
  });
});
