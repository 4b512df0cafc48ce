import { describe, expect, it } from 'vitest';
import { processCapability } from './capability.ts';
import { computePhaseOneLimits } from './chart-analysis.ts';
import { PISTON_RING_DIAMETERS } from './published-data.ts';

describe('process capability', () => {
  it('Montgomery §6.2 (piston rings, specification 74.000 ± 0.05): σ̂ = 0.0099 gives Ĉp = 0.10/(6 × 0.0099) = 1.68', () => {
    const values = PISTON_RING_DIAMETERS.slice(0, 125);
    const cap = processCapability(values, { lsl: 73.95, usl: 74.05 }, 0.0099);
    expect(cap.cp?.value).toBeCloseTo(1.68, 2);
  });

  it('Cp/Cpk use the chart’s within sigma, Pp/Ppk the overall sample standard deviation', () => {
    const values = PISTON_RING_DIAMETERS.slice(0, 125);
    const groups = Array.from({ length: 25 }, (_, i) => values.slice(i * 5, i * 5 + 5));
    const { limits } = computePhaseOneLimits('xbar_r', { kind: 'variables', subgroups: groups });
    const cap = processCapability(values, { lsl: 73.95, usl: 74.05 }, limits.sigma);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    expect(cap.n).toBe(125);
    expect(cap.sigmaOverall).toBeCloseTo(sd, 12);
    expect(cap.cp?.value).toBeCloseTo(0.1 / (6 * (limits.sigma as number)), 10);
    expect(cap.cpk?.value).toBeCloseTo(
      Math.min(74.05 - mean, mean - 73.95) / (3 * (limits.sigma as number)),
      10,
    );
    expect(cap.pp?.value).toBeCloseTo(0.1 / (6 * sd), 10);
    expect(cap.ppk?.value).toBeCloseTo(Math.min(74.05 - mean, mean - 73.95) / (3 * sd), 10);
    // intervals bracket the estimate and narrow with n
    for (const idx of [cap.cp, cap.cpk, cap.pp, cap.ppk]) {
      expect(idx?.interval.lower).toBeLessThan(idx?.value as number);
      expect(idx?.interval.upper).toBeGreaterThan(idx?.value as number);
    }
  });

  it('one-sided specifications give Cpk/Ppk only', () => {
    const cap = processCapability([10, 11, 12, 13, 14], { lsl: null, usl: 20 }, 1);
    expect(cap.cp).toBeNull();
    expect(cap.cpk?.value).toBeCloseTo((20 - 12) / 3, 12);
  });

  it('rejects inverted or missing specification limits and too few values', () => {
    expect(() => processCapability([1, 2, 3], { lsl: 5, usl: 4 }, 1)).toThrow(RangeError);
    expect(() => processCapability([1, 2, 3], { lsl: null, usl: null }, 1)).toThrow(RangeError);
    expect(() => processCapability([1], { lsl: 0, usl: 4 }, 1)).toThrow(RangeError);
  });
});
