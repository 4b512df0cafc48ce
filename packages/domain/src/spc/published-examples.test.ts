/**
 * SPC figures against published worked examples. Each block cites where the expected figures are printed.
 *
 * Data sets: Montgomery, Introduction to Statistical Quality Control (D. C. Montgomery, Wiley) — piston-ring inside
 * diameters (Table 6.3 / Example 6.1, 25 phase I samples of 5), orange-juice-can seals (Table 7.1 / Example 7.1,
 * 30 samples of 50), printed-circuit-board nonconformities (Table 7.7 / Example 7.3, 26 inspection units of 100
 * boards), viscosity individuals (2nd ed. p. 242). The same tables ship with R's qcc package (luca-scr/qcc,
 * data/pistonrings.txt, orangejuice.txt, circuit.txt), whose printed outputs give the figures to 7 digits;
 * the qcc outputs quoted below are reproduced in the `mistat` test suite "TestComparisonWithR" (Kenett, Zacks &
 * Gedeck, Industrial Statistics with Python, 2022) and in M. Steiner-Curtis' qcc.R course script.
 */
import { describe, expect, it } from 'vitest';
import { cpInterval, cpkInterval, processCapability } from './capability.ts';
import { analyseChart, computePhaseOneLimits } from './chart-analysis.ts';
import {
  AMPLIFIER_DECIBELS,
  BRUISED_PEACHES,
  CIRCUIT_NONCONFORMITIES,
  ORANGE_JUICE_NONCONFORMING,
  PISTON_RING_DIAMETERS,
  VISCOSITY,
} from './published-data.ts';

const pistonGroups = Array.from({ length: 25 }, (_, i) => PISTON_RING_DIAMETERS.slice(i * 5, i * 5 + 5));
const pistonPhaseOne = { kind: 'variables' as const, subgroups: pistonGroups };

describe('X̄-R chart: Montgomery Example 6.1, piston rings (Table 6.3)', () => {
  const { limits, rounds } = computePhaseOneLimits('xbar_r', pistonPhaseOne);

  it('matches the book: x̿ = 74.001, R̄ = 0.023, UCL = 74.014, LCL = 73.988, R chart LCL 0', () => {
    expect(limits.center).toBeCloseTo(74.001, 3);
    expect(limits.rangeCenter).toBeCloseTo(0.023, 3);
    expect(Math.abs(limits.ucl - 74.014)).toBeLessThan(0.0005);
    expect(Math.abs(limits.lcl - 73.988)).toBeLessThan(0.0005);
    expect(limits.rangeLcl).toBe(0);
  });

  it('matches qcc to 7 digits: centre 74.00118, σ̂ = R̄/d2 = 0.009785039, limits [73.98805, 74.0143]; R: 0.02276, UCL 0.04812533', () => {
    expect(limits.center).toBeCloseTo(74.00118, 5);
    expect(limits.sigma).toBeCloseTo(0.009785039, 8);
    expect(limits.lcl).toBeCloseTo(73.98805, 5);
    expect(limits.ucl).toBeCloseTo(74.0143, 4);
    expect(limits.rangeCenter).toBeCloseTo(0.02276, 8);
    expect(limits.rangeUcl).toBeCloseTo(0.04812533, 6);
  });

  it('finds the 25 phase I samples in control (the book: "no indication of an out-of-control condition")', () => {
    expect(rounds).toHaveLength(1);
    expect(rounds[0]?.outOfControl).toEqual([]);
    const series = analyseChart(pistonPhaseOne, limits, ['WE1']);
    expect(series.map((s) => s.hits)).toEqual([[], []]);
  });
});

describe('X̄-S chart: Montgomery Example 6.3, piston rings', () => {
  const { limits } = computePhaseOneLimits('xbar_s', pistonPhaseOne);
  it('matches the book (UCL 74.014, LCL 73.988) and qcc (S̄ = 0.009240037, σ̂ = 0.009829977, s UCL 0.019302416)', () => {
    expect(Math.abs(limits.ucl - 74.014)).toBeLessThan(0.0005);
    expect(Math.abs(limits.lcl - 73.988)).toBeLessThan(0.0005);
    expect(limits.rangeCenter).toBeCloseTo(0.009240037, 8);
    expect(limits.sigma).toBeCloseTo(0.009829977, 8);
    expect(limits.rangeUcl).toBeCloseTo(0.019302416, 8);
    expect(limits.rangeLcl).toBe(0);
  });
});

describe('X̄ chart with unequal subgroups: qcc "variable control limits" example (piston rings less 12 values)', () => {
  // qcc: out <- c(9, 10, 30, 35, 45, 64, 65, 74, 75, 85, 99, 100) (1-based positions in the 200 diameters).
  const out = new Set([9, 10, 30, 35, 45, 64, 65, 74, 75, 85, 99, 100].map((i) => i - 1));
  const groups: number[][] = Array.from({ length: 25 }, () => []);
  PISTON_RING_DIAMETERS.forEach((v, i) => {
    if (!out.has(i)) groups[Math.floor(i / 5)]?.push(v);
  });
  const data = { kind: 'variables' as const, subgroups: groups };

  it('X̄-R: centre 74.00075, σ̂ (UWAVE-R) 0.009856701, limits [73.98753, 74.01398] at n = 5 and [73.98368, 74.01782] at n = 3', () => {
    const { limits } = computePhaseOneLimits('xbar_r', data);
    expect(limits.center).toBeCloseTo(74.00075, 5);
    expect(limits.sigma).toBeCloseTo(0.009856701, 7);
    const [xbar] = analyseChart(data, limits, []);
    expect(xbar?.points[0]?.lcl).toBeCloseTo(73.98753, 5);
    expect(xbar?.points[0]?.ucl).toBeCloseTo(74.01398, 5);
    expect(xbar?.points[1]?.n).toBe(3);
    expect(xbar?.points[1]?.lcl).toBeCloseTo(73.98368, 5);
    expect(xbar?.points[1]?.ucl).toBeCloseTo(74.01782, 5);
  });

  // qcc centres its R and s charts for unequal subgroups differently (a pooled R̄ / s̄); ours centre each point on
  // d2(nᵢ)σ̂ and c4(nᵢ)σ̂, so only the X̄ figures of this example are asserted.
  it('X̄-S: σ̂ (UWAVE-SD) 0.009930923', () => {
    const { limits } = computePhaseOneLimits('xbar_s', data);
    expect(limits.sigma).toBeCloseTo(0.009930923, 7);
  });
});

describe('I-MR chart: Montgomery viscosity data (2nd ed. p. 242, qcc "xbarone")', () => {
  it('centre 33.52333, σ̂ = MR̄/d2 = 0.4261651, limits [32.24484, 34.80183]', () => {
    const { limits } = computePhaseOneLimits('i_mr', {
      kind: 'variables',
      subgroups: VISCOSITY.map((v) => [v]),
    });
    expect(limits.center).toBeCloseTo(33.52333, 5);
    expect(limits.sigma).toBeCloseTo(0.4261651, 7);
    expect(limits.lcl).toBeCloseTo(32.24484, 5);
    expect(limits.ucl).toBeCloseTo(34.80183, 5);
  });
});

describe('p chart: Montgomery Example 7.1, orange-juice cans (Table 7.1); NIST/SEMATECH §6.3.3.1 wafer example has the same shape (30 wafers × 50 chips) and p̄ = .2313', () => {
  const data = {
    kind: 'attributes' as const,
    samples: ORANGE_JUICE_NONCONFORMING.map((count) => ({ count, size: 50 })),
  };

  it('trial limits p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524 (qcc: 0.2313333, 0.4102391, 0.05242755); samples 15 and 23 above the UCL', () => {
    const { limits, rounds } = computePhaseOneLimits('p', data);
    expect(limits.center).toBeCloseTo(0.2313333, 7);
    expect(limits.ucl).toBeCloseTo(0.4102391, 7);
    expect(limits.lcl).toBeCloseTo(0.05242755, 8);
    // 0-based indices 14 and 22 are the book's samples 15 and 23.
    expect(rounds[0]?.outOfControl).toEqual([14, 22]);
    const [p] = analyseChart(data, limits, ['WE1']);
    expect(p?.hits).toEqual([{ rule: 'WE1', indices: [14, 22] }]);
  });

  it('revised limits without samples 15 and 23: p̄ = 0.2150, UCL = 0.3893, LCL = 0.0407 (qcc 0.215, 0.3892972, 0.04070284); sample 21 still above', () => {
    const { limits, rounds } = computePhaseOneLimits('p', data, { excluded: [14, 22] });
    expect(limits.center).toBeCloseTo(0.215, 10);
    expect(limits.ucl).toBeCloseTo(0.3892972, 7);
    expect(limits.lcl).toBeCloseTo(0.04070284, 8);
    expect(rounds[0]?.outOfControl).toEqual([20]);
  });

  it('np chart on the same data: centre n p̄ = 11.5667 and limits 50 × the p limits', () => {
    const { limits } = computePhaseOneLimits('np', data);
    expect(limits.center).toBeCloseTo(0.2313333, 7);
    const [np] = analyseChart(data, limits, []);
    expect(np?.points[0]?.center).toBeCloseTo(50 * 0.2313333, 5);
    expect(np?.points[0]?.ucl).toBeCloseTo(50 * 0.4102391, 5);
    expect(np?.points[0]?.lcl).toBeCloseTo(50 * 0.05242755, 6);
  });
});

describe('c chart: Montgomery Example 7.3, printed circuit boards (Table 7.7)', () => {
  const data = {
    kind: 'attributes' as const,
    samples: CIRCUIT_NONCONFORMITIES.map((count) => ({ count, size: 1 })),
  };

  // The book rounds c̄ to 19.85 before computing the limits (19.85 ± 3√19.85), so the exact limits agree with the
  // printed ones within 0.01; we check the printed limits from the printed c̄ as well.
  it('c̄ = 19.85, UCL = 33.22, LCL = 6.48; samples 6 and 20 outside', () => {
    const { limits, rounds } = computePhaseOneLimits('c', data);
    expect(limits.center).toBeCloseTo(19.85, 2);
    expect(Math.abs(limits.ucl - 33.22)).toBeLessThan(0.01);
    expect(Math.abs(limits.lcl - 6.48)).toBeLessThan(0.01);
    expect(19.85 + 3 * Math.sqrt(19.85)).toBeCloseTo(33.22, 2);
    expect(rounds[0]?.outOfControl).toEqual([5, 19]);
  });

  it('revised without samples 6 and 20 (the book: assignable causes found): c̄ = 19.67, UCL = 32.97, LCL = 6.36', () => {
    const { limits, excluded, rounds } = computePhaseOneLimits('c', data, { revise: true });
    expect(excluded).toEqual([5, 19]);
    expect(rounds).toHaveLength(2);
    expect(limits.center).toBeCloseTo(19.67, 2);
    expect(limits.ucl).toBeCloseTo(32.97, 2);
    expect(limits.lcl).toBeCloseTo(6.36, 2);
  });

  it('u chart with 100 boards per unit gives the same chart scaled by 1/100', () => {
    const perBoard = {
      kind: 'attributes' as const,
      samples: CIRCUIT_NONCONFORMITIES.map((count) => ({ count, size: 100 })),
    };
    const { limits } = computePhaseOneLimits('u', perBoard);
    expect(limits.center * 100).toBeCloseTo(19.85, 2);
    // u-chart limits per board are ū ± 3√(ū/100): 100× is c̄ ± 3√c̄.
    const c = computePhaseOneLimits('c', data).limits;
    expect(limits.ucl * 100).toBeCloseTo(c.ucl, 10);
    expect(limits.lcl * 100).toBeCloseTo(c.lcl, 10);
  });
});

describe('Capability confidence intervals: Montgomery §8.7.1', () => {
  it('Example 8.5: USL 62, LSL 38, n = 20, s = 1.75, Ĉp = 2.29 → 1.57 ≤ Cp ≤ 3.01 (χ²(0.025,19) = 8.91, χ²(0.975,19) = 32.85)', () => {
    const ci = cpInterval(2.29, 19, 0.95);
    expect(ci.lower).toBeCloseTo(1.57, 2);
    expect(ci.upper).toBeCloseTo(3.01, 2);
  });

  it('Example 8.6 (Bissell): n = 20, Ĉpk = 1.33 → 0.88 ≤ Cpk ≤ 1.78', () => {
    const ci = cpkInterval(1.33, 20, 0.95);
    expect(ci.lower).toBeCloseTo(0.88, 2);
    expect(ci.upper).toBeCloseTo(1.78, 2);
  });
});

describe('Capability interval from data: SAS/QC User’s Guide, CAPABILITY Example 5.3 (amplifiers, LSL 4, USL 6)', () => {
  it('the 90 % Bissell interval of the index from the sample standard deviation is 0.328 to 0.496', () => {
    // SAS computes its Cpk from the overall sample standard deviation: our Ppk.
    const cap = processCapability(AMPLIFIER_DECIBELS, { lsl: 4, usl: 6 }, null, 0.9);
    expect(cap.n).toBe(75);
    expect(cap.ppk?.interval.lower).toBeCloseTo(0.328, 3);
    expect(cap.ppk?.interval.upper).toBeCloseTo(0.496, 3);
    expect(cap.cp).toBeNull();
  });
});

describe('p and u charts with unequal samples: Pyzdek & Keller, Handbook for Quality Management, Table 9.6 (peaches)', () => {
  const peaches = BRUISED_PEACHES.map(([crates, bruised]) => ({ count: bruised, size: crates * 250 }));

  it('p̄ is the totals’ ratio 1544/8000 = 0.193, with per-shipment limits narrower for 500-peach samples', () => {
    const data = { kind: 'attributes' as const, samples: peaches };
    const { limits } = computePhaseOneLimits('p', data);
    expect(peaches.reduce((s, p) => s + p.size, 0)).toBe(8000);
    expect(limits.center).toBeCloseTo(0.193, 10);
    const [p] = analyseChart(data, limits, ['WE1']);
    const one = p?.points[0];
    const two = p?.points[10];
    expect(one?.n).toBe(250);
    expect(two?.n).toBe(500);
    expect(one?.ucl).toBeCloseTo(0.193 + 3 * Math.sqrt((0.193 * 0.807) / 250), 12);
    expect(two?.ucl).toBeCloseTo(0.193 + 3 * Math.sqrt((0.193 * 0.807) / 500), 12);
    expect((two?.ucl as number) - (two?.lcl as number)).toBeLessThan(
      (one?.ucl as number) - (one?.lcl as number),
    );
    // shipment 12 (p = 0.202) is inside its own 500-peach limits; nothing signals
    expect(p?.hits).toEqual([]);
  });

  it('u per crate: ū = 1544 / 32 crates = 48.25, limits ū ± 3√(ū/n)', () => {
    const perCrate = {
      kind: 'attributes' as const,
      samples: BRUISED_PEACHES.map(([crates, bruised]) => ({ count: bruised, size: crates })),
    };
    const { limits } = computePhaseOneLimits('u', perCrate);
    expect(limits.center).toBeCloseTo(1544 / 32, 10);
    const [u] = analyseChart(perCrate, limits, []);
    expect(u?.points[11]?.value).toBeCloseTo(50.5, 10);
    expect(u?.points[11]?.ucl).toBeCloseTo(48.25 + 3 * Math.sqrt(48.25 / 2), 10);
  });
});
