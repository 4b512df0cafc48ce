import { describe, expect, it } from 'vitest';
import { pieceWeightKg } from '../master-data/product-specs.ts';
import { routingOperationMinutes } from './operation-minutes.ts';
import { routingSpecificity } from './select-routing.ts';

describe('routing selection', () => {
  const spec = { alloyId: 'a3003', temperId: 'tH14' };
  it('ranks family+alloy+temper over family+alloy over family, and rejects other alloys', () => {
    expect(routingSpecificity({ alloyId: 'a3003', temperId: 'tH14' }, spec)).toBe(3);
    expect(routingSpecificity({ alloyId: 'a3003', temperId: null }, spec)).toBe(2);
    expect(routingSpecificity({ alloyId: null, temperId: 'tH14' }, spec)).toBe(1.5);
    expect(routingSpecificity({ alloyId: null, temperId: null }, spec)).toBe(1);
    expect(routingSpecificity({ alloyId: 'a5052', temperId: null }, spec)).toBe(-1);
    expect(routingSpecificity({ alloyId: 'a3003', temperId: 'tO' }, spec)).toBe(-1);
  });
});

describe('operation minutes from routing rates', () => {
  const load = { inputT: 20, thicknessMm: 1, widthMm: 1250, density: 2.73 };
  it('divides tonnes by t/h', () => {
    expect(routingOperationMinutes({ rate: 10, rateUnit: 't_per_h', fixedMinutes: 15 }, load)).toBeCloseTo(
      135,
    );
  });
  it('turns tonnes into metres of strip at the finished section for m/min', () => {
    // 20 t / (0.001 m x 1.25 m x 2.73 t/m3) = 5,860.8 m; at 600 m/min = 9.77 min
    expect(routingOperationMinutes({ rate: 600, rateUnit: 'm_per_min', fixedMinutes: 0 }, load)).toBeCloseTo(
      9.768,
      2,
    );
    expect(
      routingOperationMinutes(
        { rate: 600, rateUnit: 'm_per_min', fixedMinutes: 0 },
        { ...load, widthMm: null },
      ),
    ).toBeNull();
  });
  it('counts furnace charges by batch capacity', () => {
    const r = { rate: 12, rateUnit: 'h_per_batch' as const, fixedMinutes: 0 };
    expect(routingOperationMinutes({ ...r, batchCapacityT: 40 }, load)).toBe(720);
    expect(routingOperationMinutes({ ...r, batchCapacityT: 40 }, { ...load, inputT: 41 })).toBe(1440);
    expect(routingOperationMinutes(r, { ...load, inputT: 400 })).toBe(720);
  });
});

describe('piece weight', () => {
  it('is the coil weight, or a flat piece volume times density, else unknown', () => {
    const base = { thicknessMm: 2, widthMm: 1500, lengthMm: 3000, alloy: { density: 2.68 } };
    expect(pieceWeightKg({ ...base, productFamily: 'strip_coil', coilWeightKg: 6000 })).toBe(6000);
    expect(pieceWeightKg({ ...base, productFamily: 'sheet', coilWeightKg: null })).toBeCloseTo(24.12);
    expect(pieceWeightKg({ ...base, productFamily: 'extrusion_profile', coilWeightKg: null })).toBeNull();
  });
});
