import { describe, expect, it } from 'vitest';
import { alloyTemper, formatDimensions } from './lot-format.ts';

describe('lot formatting', () => {
  it('writes dimensions the way the mill does', () => {
    expect(
      formatDimensions({ thicknessMm: 1.2, widthMm: 1250, innerDiameterMm: 508, outerDiameterMm: 1600 }),
    ).toBe('1.2 × 1250 mm, ID 508 / OD 1600 mm');
    expect(formatDimensions({ diameterMm: 178, lengthM: 6 })).toBe('Ø 178 mm, 6 m');
    expect(formatDimensions({})).toBe('—');
  });

  it('joins alloy and temper', () => {
    expect(alloyTemper('3003', 'H14')).toBe('3003-H14');
    expect(alloyTemper('6063', null)).toBe('6063');
    expect(alloyTemper(null, null)).toBe('—');
  });
});
