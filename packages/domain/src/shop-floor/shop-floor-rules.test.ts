import { isLotTransitionAllowed } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { outputKindFor, specSummary } from './shop-floor-rules.ts';

describe('output kind of an operation', () => {
  it('packs the product on the last operation, else follows the operation, else keeps the input form', () => {
    const base = { isLast: false, productFamily: 'strip_coil', inputKind: 'slab' as const };
    expect(outputKindFor({ ...base, operationCode: 'hot_rolling' })).toBe('coil');
    expect(outputKindFor({ ...base, operationCode: 'homogenizing' })).toBe('slab');
    expect(outputKindFor({ ...base, operationCode: 'casting', inputKind: null })).toBe('slab');
    expect(outputKindFor({ ...base, operationCode: 'packing', isLast: true, productFamily: 'sheet' })).toBe(
      'sheet_pack',
    );
    expect(
      outputKindFor({ ...base, operationCode: 'ageing', isLast: true, productFamily: 'extrusion_profile' }),
    ).toBe('profile_bundle');
    expect(outputKindFor({ ...base, operationCode: 'mystery', inputKind: null })).toBe('other');
  });

  it('summarises a spec in one line', () => {
    expect(
      specSummary({
        productFamily: 'strip_coil',
        thicknessMm: 0.2,
        widthMm: 1250,
        lengthMm: null,
        coilWeightKg: null,
        alloy: { code: '3003' },
        temper: { code: 'H14' },
      }),
    ).toBe('3003-H14 0.2 x 1250 mm strip_coil');
  });
});

describe('lot status transitions', () => {
  it('allows the life cycle and keeps final statuses final', () => {
    expect(isLotTransitionAllowed('available', 'on_hold')).toBe(true);
    expect(isLotTransitionAllowed('on_hold', 'released')).toBe(true);
    expect(isLotTransitionAllowed('released', 'shipped')).toBe(true);
    expect(isLotTransitionAllowed('on_hold', 'in_process')).toBe(false);
    expect(isLotTransitionAllowed('available', 'shipped')).toBe(false);
    for (const final of ['consumed', 'shipped', 'scrapped'] as const) {
      expect(isLotTransitionAllowed(final, 'available')).toBe(false);
    }
  });
});
