import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareQuantile, normalCdf, normalQuantile } from './special-functions.ts';

/** Quantiles against printed tables (Montgomery Appendix III; NIST/SEMATECH e-Handbook §1.3.6.7.4 chi-square table). */
describe('chi-square quantiles', () => {
  const table: Array<[number, number, number]> = [
    // [lower-tail probability, ν, printed value]
    [0.025, 19, 8.907],
    [0.975, 19, 32.852],
    [0.05, 1, 0.004],
    [0.95, 1, 3.841],
    [0.025, 1, 0.001],
    [0.975, 1, 5.024],
    [0.95, 2, 5.991],
    [0.05, 4, 0.711],
    [0.975, 4, 11.143],
    [0.025, 9, 2.7],
    [0.975, 9, 19.023],
    [0.95, 10, 18.307],
    [0.025, 29, 16.047],
    [0.975, 29, 45.722],
    [0.05, 100, 77.929],
    [0.95, 100, 124.342],
  ];
  for (const [p, dof, printed] of table) {
    it(`χ²(${p}, ${dof}) = ${printed}`, () => {
      const q = chiSquareQuantile(p, dof);
      expect(Math.abs(q - printed)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(chiSquareCdf(q, dof)).toBeCloseTo(p, 12);
    });
  }

  it('is accurate where Wilson–Hilferty is not (ν = 1, p = 0.05: 0.00393214)', () => {
    expect(chiSquareQuantile(0.05, 1)).toBeCloseTo(0.00393214, 9);
  });
});

describe('normal distribution', () => {
  it('Φ and Φ⁻¹ agree with the tables', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
});
