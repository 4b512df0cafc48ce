import { describe, expect, it } from 'vitest';
import { parseSeriesParam } from './trends-view.tsx';

describe('trends ?series= parameter', () => {
  it('keeps valid, distinct equipment/tag pairs, at most eight', () => {
    expect(parseSeriesParam('CM-1/exit_thickness,CM-1/strip_speed,CM-1/exit_thickness')).toEqual([
      { equipment: 'CM-1', tag: 'exit_thickness' },
      { equipment: 'CM-1', tag: 'strip_speed' },
    ]);
    expect(parseSeriesParam('nope,/x,CM-1/,AF-1/zone1.pv,a b/c')).toEqual([
      { equipment: 'AF-1', tag: 'zone1.pv' },
    ]);
    expect(parseSeriesParam(Array.from({ length: 12 }, (_, i) => `E/t${i}`).join(','))).toHaveLength(8);
    expect(parseSeriesParam(null)).toEqual([]);
  });
});
