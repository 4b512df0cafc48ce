import { DEFAULT_SHIFTS } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { pareto } from './pareto.ts';
import { shiftOfMinute } from './shift-of-minute.ts';

describe('pareto', () => {
  it('sorts bars largest first, unknown last among equals, with shares and the cumulative line', () => {
    const bars = pareto(
      new Map<string | null, number>([
        ['dent', 1],
        ['scratch', 5],
        [null, 2],
        ['oil_stain', 2],
        ['none', 0],
      ]),
    );
    expect(bars).toEqual([
      { key: 'scratch', count: 5, share: 0.5, cumulativeShare: 0.5 },
      { key: 'oil_stain', count: 2, share: 0.2, cumulativeShare: 0.7 },
      { key: null, count: 2, share: 0.2, cumulativeShare: 0.9 },
      { key: 'dent', count: 1, share: 0.1, cumulativeShare: 1 },
    ]);
    expect(pareto(new Map())).toEqual([]);
  });
});

describe('shiftOfMinute', () => {
  it('finds the shift of a local minute, across midnight too', () => {
    expect(shiftOfMinute(DEFAULT_SHIFTS, 6 * 60)).toBe('A');
    expect(shiftOfMinute(DEFAULT_SHIFTS, 13 * 60 + 59)).toBe('A');
    expect(shiftOfMinute(DEFAULT_SHIFTS, 14 * 60)).toBe('B');
    expect(shiftOfMinute(DEFAULT_SHIFTS, 23 * 60)).toBe('C');
    expect(shiftOfMinute(DEFAULT_SHIFTS, 5 * 60 + 59)).toBe('C');
    expect(shiftOfMinute([{ code: 'D', start: '08:00', end: '17:00' }], 7 * 60)).toBeNull();
  });
});
