import { describe, expect, it } from 'vitest';
import { characteristicKey, formatLimits } from './lab-format.ts';

describe('lab format', () => {
  it('names characteristics as the CSV does', () => {
    expect(characteristicKey({ code: 'chemistry', element: 'Si' })).toBe('chemistry:Si');
    expect(characteristicKey({ code: 'thickness', element: '' })).toBe('thickness');
  });
  it('shows one- and two-sided limits', () => {
    expect(formatLimits({ lower: 0.97, upper: 1.03, unit: 'mm' })).toBe('0.97 … 1.03 mm');
    expect(formatLimits({ lower: 145, upper: null, unit: 'MPa' })).toBe('≥ 145 MPa');
    expect(formatLimits({ lower: null, upper: 0.6, unit: 'wt%' })).toBe('≤ 0.6 wt%');
    expect(formatLimits({ lower: null, upper: null, unit: 'I' })).toBeNull();
  });
});
