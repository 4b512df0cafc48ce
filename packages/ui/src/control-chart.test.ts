import { describe, expect, it } from 'vitest';
import { controlChartDomain, rulesByPoint } from './control-chart.tsx';

describe('control chart helpers', () => {
  it('groups rule hits by point', () => {
    const map = rulesByPoint([
      { rule: 'WE1', indices: [3, 5] },
      { rule: 'WE2', indices: [5] },
    ]);
    expect(map.get(5)).toEqual(['WE1', 'WE2']);
    expect(map.get(3)).toEqual(['WE1']);
    expect(map.has(4)).toBe(false);
  });

  it('shows points and limits with headroom', () => {
    const [lo, hi] = controlChartDomain([
      { index: 0, value: 10, center: 10, ucl: 13, lcl: 7 },
      { index: 1, value: 14, center: 10, ucl: 13, lcl: 7 },
    ]);
    expect(lo).toBeLessThan(7);
    expect(hi).toBeGreaterThan(14);
  });
});
