import { describe, expect, it } from 'vitest';
import { en485Group, foilGaugeTolerance, lookupThicknessTolerance } from './thickness-tolerance.ts';

describe('thickness tolerance lookup', () => {
  it('reads EN 485-4 by alloy group and width band', () => {
    expect(
      lookupThicknessTolerance({ alloyCode: '3003', thicknessMm: 1.0, widthMm: 1250, grade: 'en485' }),
    ).toMatchObject({
      found: true,
      plusMinusMm: 0.06,
      source: 'lag-en485-4',
    });
    // group II, next band
    expect(
      lookupThicknessTolerance({ alloyCode: '5052', thicknessMm: 2.0, widthMm: 1500, grade: 'en485' }),
    ).toMatchObject({
      found: true,
      plusMinusMm: 0.14,
    });
    // the boundary belongs to the lower row ("over 0.8 up to 1.0")
    expect(
      lookupThicknessTolerance({ alloyCode: '3003', thicknessMm: 0.8, widthMm: 900, grade: 'en485' }),
    ).toMatchObject({
      plusMinusMm: 0.03,
    });
  });

  it('refuses to guess: unknown group, missing rows and printed dashes answer found=false with the reason', () => {
    expect(en485Group('1060')).toBeNull();
    const unknown = lookupThicknessTolerance({
      alloyCode: '1060',
      thicknessMm: 1,
      widthMm: 1000,
      grade: 'en485',
    });
    expect(unknown).toMatchObject({ found: false });
    expect(unknown.found ? '' : unknown.reason).toContain('not known');
    const gbThin = lookupThicknessTolerance({
      alloyCode: '3003',
      thicknessMm: 2,
      widthMm: 1000,
      grade: 'gb-high',
    });
    expect(gbThin.found ? '' : gbThin.reason).toContain('no row');
    const dash = lookupThicknessTolerance({
      alloyCode: '3003',
      thicknessMm: 0.3,
      widthMm: 1800,
      grade: 'en485',
    });
    expect(dash.found ? '' : dash.reason).toContain('no value printed');
    expect(
      lookupThicknessTolerance({ alloyCode: '3003', thicknessMm: 4.5, widthMm: 2200, grade: 'gb-ordinary' }),
    ).toMatchObject({
      found: true,
      plusMinusMm: 0.28,
    });
  });

  it('applies foil gauge practice as a share of the nominal thickness', () => {
    expect(foilGaugeTolerance(0.006)).toEqual({ plusMinusMm: 0.00036, source: 'kingyeae-tol' });
    expect(foilGaugeTolerance(0.02)).toEqual({ plusMinusMm: 0.001, source: 'kingyeae-tol' });
    expect(foilGaugeTolerance(0.5)).toBeNull();
  });
});
