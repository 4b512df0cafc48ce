import { describe, expect, it } from 'vitest';
import { type TChartSubgroup, toChartData } from './load-chart-subgroups.ts';

const g = (key: string, values: number[], fails = 0): TChartSubgroup => ({
  key,
  at: new Date(0),
  label: key,
  values,
  fails,
});

describe('toChartData', () => {
  const subgroups = [
    g('a', [1, 2, 3], 1),
    g('b', [4]),
    g('c', [2, 2], 2),
    g(
      'd',
      Array.from({ length: 30 }, (_, i) => i),
    ),
  ];

  it('X̄ charts take subgroups of 2+ (X̄-R at most 25); I-MR single values', () => {
    expect(toChartData('xbar_r', subgroups).usable.map((s) => s.key)).toEqual(['a', 'c']);
    expect(toChartData('xbar_s', subgroups).usable.map((s) => s.key)).toEqual(['a', 'c', 'd']);
    expect(toChartData('i_mr', subgroups).usable.map((s) => s.key)).toEqual(['b']);
  });

  it('p and np count failed results out of those measured', () => {
    const { data } = toChartData('p', subgroups);
    expect(data).toEqual({
      kind: 'attributes',
      samples: [
        { count: 1, size: 3 },
        { count: 0, size: 1 },
        { count: 2, size: 2 },
        { count: 0, size: 30 },
      ],
    });
  });

  it('c sums the counted nonconformities per subgroup, u per result measured; negative counts are not plotted', () => {
    const counts = [g('a', [1, 0, 2]), g('b', [3]), g('c', [-1, 2])];
    expect(toChartData('c', counts).data).toEqual({
      kind: 'attributes',
      samples: [
        { count: 3, size: 1 },
        { count: 3, size: 1 },
      ],
    });
    expect(toChartData('u', counts).data).toEqual({
      kind: 'attributes',
      samples: [
        { count: 3, size: 3 },
        { count: 3, size: 1 },
      ],
    });
  });
});
