import { describe, expect, it } from 'vitest';
import { formatAttributeKey } from './format-attribute.ts';

describe('formatAttributeKey', () => {
  it('splits words and turns the unit suffix into a unit', () => {
    expect(formatAttributeKey('maxStripWidthMm')).toBe('max strip width (mm)');
    expect(formatAttributeKey('maxRollingSpeedMPerMin')).toBe('max rolling speed (m/min)');
    expect(formatAttributeKey('pressForceMN')).toBe('press force (MN)');
    expect(formatAttributeKey('metalTempC')).toBe('metal temp (°C)');
    expect(formatAttributeKey('ingotWeightMaxT')).toBe('ingot weight max (t)');
    expect(formatAttributeKey('permanentSetPct')).toBe('permanent set (%)');
    expect(formatAttributeKey('knifeLockingPressureMpa')).toBe('knife locking pressure (MPa)');
  });

  it('leaves keys without a unit as words', () => {
    expect(formatAttributeKey('vendor')).toBe('vendor');
    expect(formatAttributeKey('finishingStands')).toBe('finishing stands');
    expect(formatAttributeKey('cooling')).toBe('cooling');
  });
});
