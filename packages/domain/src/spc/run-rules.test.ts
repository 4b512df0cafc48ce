import { describe, expect, it } from 'vitest';
import { evaluateRules } from './run-rules.ts';
import type { TSpcPoint, TSpcRule } from './spc-types.ts';

/** Points in σ units around a centre line of 0 with limits at ±3 (so value = z-score). */
function series(values: readonly number[]): TSpcPoint[] {
  return values.map((value, index) => ({ index, value, center: 0, ucl: 3, lcl: -3, sigma: 1, n: 1 }));
}

function flagged(values: readonly number[], rule: TSpcRule): number[] {
  return evaluateRules(series(values), [rule])[0]?.indices ?? [];
}

const constant = (n: number, v: number) => Array.from({ length: n }, () => v);

describe('Western Electric rules', () => {
  it('WE1 flags points strictly beyond a control limit (a point on the limit is in control)', () => {
    expect(flagged([0, 3.5, 0, -3.2, 3, -3], 'WE1')).toEqual([1, 3]);
  });

  it('WE2 flags the 3rd point of a window holding 2 of 3 beyond 2σ on one side, when it is one of them', () => {
    // windows: (0, 2.5, 0.5) ends inside; (2.5, 0.5, 2.1) -> 3; (0.5, 2.1, 0) ends inside; (0, -2.2, -2.3) -> 7
    expect(flagged([0, 2.5, 0.5, 2.1, 0, 0, -2.2, -2.3], 'WE2')).toEqual([3, 7]);
    // 2.5 and -2.5 are on opposite sides: no signal
    expect(flagged([2.5, -2.5, 0, 0], 'WE2')).toEqual([]);
    // exactly 2σ is not beyond
    expect(flagged([2, 2, 2], 'WE2')).toEqual([]);
    // the first two points of a chart already form "2 of the last 3"
    expect(flagged([2.5, 2.5], 'WE2')).toEqual([1]);
  });

  it('WE3 flags 4 of 5 beyond 1σ on one side', () => {
    expect(flagged([1.5, 1.2, 0.5, 1.1, 1.3, 0], 'WE3')).toEqual([4]);
    expect(flagged([1.5, 1.2, -1.5, 1.1, 0.5], 'WE3')).toEqual([]);
    // at the start of a chart the window is what there is: 4 of the first 4 already signal
    expect(flagged([-1.5, -1.2, -1.5, -1.1, -1.3], 'WE3')).toEqual([3, 4]);
  });

  it('WE4 flags the 8th point of a run on one side and each further one; a point on the centre line breaks the run', () => {
    expect(flagged([...constant(10, 0.5), -0.5], 'WE4')).toEqual([7, 8, 9]);
    expect(flagged([...constant(7, 0.5), 0, ...constant(7, 0.5)], 'WE4')).toEqual([]);
    expect(flagged([...constant(7, -0.5), 0.5, ...constant(8, -0.2)], 'WE4')).toEqual([15]);
  });
});

describe('Nelson rules', () => {
  it('N1 = beyond 3σ', () => {
    expect(flagged([0, -4, 0.1], 'N1')).toEqual([1]);
  });

  it('N2 flags the 9th point in a row on one side', () => {
    // -1 and the nine -0.3 make a run of 10 below the centre line: its 9th and 10th points
    expect(flagged([...constant(8, 0.3), -1, ...constant(9, -0.3)], 'N2')).toEqual([16, 17]);
    expect(flagged(constant(10, 0.3), 'N2')).toEqual([8, 9]);
  });

  it('N3 flags the 6th point of a steady rise or fall; ties break the trend', () => {
    expect(flagged([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.5], 'N3')).toEqual([5, 6]);
    expect(flagged([0, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6], 'N3')).toEqual([]);
    expect(flagged([2, 1, 0.5, 0, -1, -2], 'N3')).toEqual([5]);
  });

  it('N4 flags the 14th point of an alternating sequence', () => {
    const alt = Array.from({ length: 15 }, (_, i) => (i % 2 === 0 ? -0.5 : 0.5));
    expect(flagged(alt, 'N4')).toEqual([13, 14]);
    expect(flagged(alt.slice(0, 13), 'N4')).toEqual([]);
    // a repeated value breaks it
    expect(flagged([...alt.slice(0, 7), alt[6] as number, ...alt.slice(7, 13)], 'N4')).toEqual([]);
  });

  it('N5 and N6 are WE2 and WE3', () => {
    expect(flagged([0, 2.5, 0.5, 2.1, 0, 0, -2.2, -2.3], 'N5')).toEqual([3, 7]);
    expect(flagged([1.5, 1.2, 0.5, 1.1, 1.3, 0], 'N6')).toEqual([4]);
  });

  it('N7 flags the 15th point in a row within 1σ (stratification)', () => {
    const hugging = Array.from({ length: 16 }, (_, i) => (i % 3 === 0 ? 0.4 : -0.6));
    expect(flagged(hugging, 'N7')).toEqual([14, 15]);
    expect(flagged([...constant(14, 0.2), 1.2, 0.2], 'N7')).toEqual([]);
  });

  it('N8 flags the 8th point in a row beyond 1σ on either side (mixture)', () => {
    const mixture = Array.from({ length: 9 }, (_, i) => (i % 2 === 0 ? 1.5 : -1.8));
    expect(flagged(mixture, 'N8')).toEqual([7, 8]);
    expect(flagged([...mixture.slice(0, 7), 0.5, 1.5], 'N8')).toEqual([]);
  });

  it('zones follow each point’s own centre and σ (per-point limits of p and u charts)', () => {
    const points: TSpcPoint[] = [
      { index: 0, value: 0.3, center: 0.2, ucl: 0.35, lcl: 0.05, sigma: 0.05, n: 50 },
      { index: 1, value: 0.3, center: 0.2, ucl: 0.26, lcl: 0.14, sigma: 0.02, n: 400 },
    ];
    // 0.3 is 2σ above at n = 50 (in control) but 5σ above at n = 400
    expect(evaluateRules(points, ['WE1'])).toEqual([{ rule: 'WE1', indices: [1] }]);
  });

  it('evaluates only the requested rules and reports none that did not fire', () => {
    expect(evaluateRules(series([0, 4, 0]), ['WE1', 'WE4', 'N3'])).toEqual([{ rule: 'WE1', indices: [1] }]);
  });
});
