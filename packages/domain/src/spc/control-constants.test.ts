import { describe, expect, it } from 'vitest';
import { PUBLISHED_CONTROL_CONSTANTS } from './control-constants.ts';
import { controlConstants, exactControlConstants } from './control-constants-theory.ts';

/**
 * The constants computed from their definitions agree with the standard printed table (Montgomery Appendix VI,
 * n = 2..25). d2, d3 and c4 are rounded from the exact values, so they must agree within half a unit of the last
 * printed digit (plus the quadrature's 2e-5 for d3). A2, A3, B3, B4, D3, D4 and E2 were printed from the already
 * rounded d2/d3/c4, so they may differ from the exact value by up to 1.5 units in the last digit (e.g. D4 at n = 3:
 * 1 + 3(0.888)/1.693 = 2.574 printed, 2.5746 exact; E2 at n = 2: 3/1.128 = 2.660 printed, 2.6587 exact).
 */
describe('control chart constants', () => {
  for (const [n, printed] of PUBLISHED_CONTROL_CONSTANTS) {
    it(`n = ${n} agrees with the printed table`, () => {
      const exact = exactControlConstants(n);
      expect(Math.abs(exact.d2 - printed.d2)).toBeLessThanOrEqual(0.0005 + 1e-6);
      expect(Math.abs(exact.d3 - printed.d3)).toBeLessThanOrEqual(0.0005 + 2e-5);
      expect(Math.abs(exact.c4 - printed.c4)).toBeLessThanOrEqual(0.00005 + 1e-7);
      for (const key of ['A2', 'A3', 'B3', 'B4', 'D3', 'D4', 'E2'] as const) {
        expect(Math.abs(exact[key] - printed[key]), key).toBeLessThanOrEqual(0.0015);
      }
      // ...and the printed derived columns are the formulas applied to the printed d2, d3, c4 (the tables used
      // d3 with one more digit: D4 at n = 2 is 1 + 3(0.8525)/1.128 = 3.267).
      const ratio = (3 * Math.sqrt(1 - printed.c4 ** 2)) / printed.c4;
      const fromPrinted = {
        A2: 3 / (printed.d2 * Math.sqrt(n)),
        A3: 3 / (printed.c4 * Math.sqrt(n)),
        B3: Math.max(0, 1 - ratio),
        B4: 1 + ratio,
        D3: Math.max(0, 1 - (3 * printed.d3) / printed.d2),
        D4: 1 + (3 * printed.d3) / printed.d2,
      };
      for (const [key, value] of Object.entries(fromPrinted)) {
        expect(Math.abs(value - printed[key as keyof typeof fromPrinted]), key).toBeLessThanOrEqual(0.002);
      }
    });
  }

  it('charts use the printed d2 (as hand calculations and qcc do) and exact c4', () => {
    expect(controlConstants(5).d2).toBe(2.326);
    expect(controlConstants(5).c4).toBeCloseTo(0.9399856, 7);
    expect(controlConstants(2).A2).toBeCloseTo(1.88, 2);
    expect(controlConstants(30).d2).toBeCloseTo(exactControlConstants(30).d2, 12);
  });

  it('rejects subgroup sizes below 2', () => {
    expect(() => controlConstants(1)).toThrow(RangeError);
    expect(() => controlConstants(2.5)).toThrow(RangeError);
  });
});
