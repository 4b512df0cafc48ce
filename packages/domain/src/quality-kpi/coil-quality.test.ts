import { describe, expect, it } from 'vitest';
import {
  coilThicknessQuality,
  D2_MOVING_RANGE,
  defectMap,
  deviationBins,
  flatnessSummary,
  lengthWeights,
} from './coil-quality.ts';

const at = (lengthM: number, value: number) => ({ lengthM, value });

describe('coilThicknessQuality', () => {
  // 1.00 mm ± 0.05: the sample at 2 m (1.10) is out of tolerance.
  const samples = [at(3, 0.98), at(0, 1.0), at(1, 1.02), at(2, 1.1), at(4, 1.0)];
  const tol = { nominal: 1, minus: 0.05, plus: 0.05 };

  it('gives deviation, share of length in tolerance and Cp/Cpk (moving-range sigma) and Pp/Ppk (s) exactly', () => {
    const q = coilThicknessQuality(samples, tol);
    expect(q.samples).toBe(5);
    expect(q.lengthM).toBe(4);
    expect(q.mean).toBeCloseTo(1.02, 12);
    expect(q.deviation?.mean).toBeCloseTo(0.02, 12);
    expect(q.deviation?.min).toBeCloseTo(-0.02, 12);
    expect(q.deviation?.max).toBeCloseTo(0.1, 12);
    // Weights 0.5, 1, 1, 1, 0.5 m: 1 m of 4 out.
    expect(q.shareInTolerance).toBeCloseTo(0.75, 12);
    expect(q.lengthOutM).toBeCloseTo(1, 12);
    // Moving ranges 0.02, 0.08, 0.12, 0.02: mean 0.06.
    expect(q.sigmaWithin).toBeCloseTo(0.06 / D2_MOVING_RANGE, 12);
    expect(q.cp).toBeCloseTo((0.1 * 1.128) / 0.36, 10);
    expect(q.cpk).toBeCloseTo((0.03 * 1.128) / 0.18, 10);
    // Squared deviations from 1.02 add up to 0.0088: s = sqrt(0.0022).
    expect(q.sigmaOverall).toBeCloseTo(Math.sqrt(0.0022), 12);
    expect(q.pp).toBeCloseTo(0.1 / (6 * Math.sqrt(0.0022)), 10);
    expect(q.ppk).toBeCloseTo(0.03 / (3 * Math.sqrt(0.0022)), 10);
  });

  it('weighs samples by the length they stand for, not by their number', () => {
    expect(lengthWeights([at(0, 1), at(1, 1), at(10, 1)])).toEqual([0.5, 5, 4.5]);
    const q = coilThicknessQuality([at(0, 1), at(1, 2), at(10, 1)], tol);
    expect(q.shareInTolerance).toBeCloseTo(0.5, 12);
    expect(q.lengthOutM).toBeCloseTo(5, 12);
  });

  it('answers null indices without tolerance, without spread or without samples', () => {
    const noTol = coilThicknessQuality(samples, null);
    expect(noTol.mean).toBeCloseTo(1.02, 12);
    expect([noTol.shareInTolerance, noTol.cp, noTol.cpk, noTol.deviation]).toEqual([null, null, null, null]);
    const flat = coilThicknessQuality([at(0, 1), at(5, 1)], tol);
    expect([flat.cp, flat.cpk, flat.pp, flat.ppk, flat.shareInTolerance]).toEqual([
      null,
      null,
      null,
      null,
      1,
    ]);
    const one = coilThicknessQuality([at(7, 1.2)], tol);
    expect([one.shareInTolerance, one.lengthOutM, one.sigmaWithin]).toEqual([0, 0, null]);
    expect(coilThicknessQuality([], tol)).toMatchObject({ samples: 0, mean: null, shareInTolerance: null });
  });
});

describe('flatnessSummary', () => {
  it('gives mean, max, p95 and the share of length above the limit', () => {
    const f = flatnessSummary(
      Array.from({ length: 20 }, (_, i) => at(i, i + 1)),
      15,
    );
    expect(f).toMatchObject({ samples: 20, mean: 10.5, max: 20 });
    expect(f.p95).toBeCloseTo(19.05, 12);
    // 16..20 I at 15..19 m: 1 + 1 + 1 + 1 + 0.5 m of 19 m.
    expect(f.shareAboveLimit).toBeCloseTo(4.5 / 19, 12);
    expect(flatnessSummary([at(0, 3)], null)).toEqual({
      samples: 1,
      mean: 3,
      max: 3,
      p95: 3,
      shareAboveLimit: null,
    });
  });
});

describe('deviationBins and defectMap', () => {
  it('shifts bins by the nominal', () => {
    expect(
      deviationBins([{ fromM: 0, toM: 10, min: 0.99, max: 1.03, avg: 1.01, count: 4 }], 1)[0],
    ).toMatchObject({
      fromM: 0,
      count: 4,
    });
    const [b] = deviationBins([{ fromM: 0, toM: 10, min: 0.5, max: 1.5, avg: 1.25, count: 4 }], 1);
    expect([b?.min, b?.max, b?.avg]).toEqual([-0.5, 0.5, 0.25]);
  });

  it('places defects head to tail and counts them by type and severity per 1000 m', () => {
    const m = defectMap(
      [
        { defectNo: 3, type: 'dent', positionM: 900, crossPositionMm: 10, severity: 3 },
        { defectNo: 1, type: 'scratch', positionM: 120.5, crossPositionMm: 400, severity: 1 },
        { defectNo: 2, type: 'scratch', positionM: 300, crossPositionMm: null, severity: 1 },
        { defectNo: 4, type: null, positionM: null, crossPositionMm: null, severity: null },
      ],
      2000,
    );
    expect(m.defects.map((d) => [d.defectNo, d.positionM, d.type])).toEqual([
      [1, 120.5, 'scratch'],
      [2, 300, 'scratch'],
      [3, 900, 'dent'],
    ]);
    expect(m.unplaced).toBe(1);
    expect(m.byType).toEqual([
      { type: 'scratch', count: 2 },
      { type: 'dent', count: 1 },
      { type: 'unknown', count: 1 },
    ]);
    expect(m.bySeverity).toEqual([
      { severity: 1, count: 2 },
      { severity: 3, count: 1 },
    ]);
    expect(m.per1000m).toBe(2);
    expect(defectMap([], null).per1000m).toBeNull();
  });
});
