import { describe, expect, it } from 'vitest';
import { formatKpi, kpiDelta } from './kpi.ts';

describe('KPI display', () => {
  it('formats each KPI in its unit', () => {
    expect(formatKpi('makespanMin', 125, 'en')).toBe('2 h 05 min');
    expect(formatKpi('setupHours', 3.25, 'en')).toBe('3.3 h');
    expect(formatKpi('utilisation', 0.812, 'en')).toBe('81.2%');
    expect(formatKpi('lateOrders', 2, 'en')).toBe('2');
    expect(formatKpi('lateOrders', null, 'en')).toBe('—');
  });

  it('says whether a difference is better, knowing which way is better', () => {
    expect(kpiDelta('weightedTardinessMin', -90, 'lower', 'en')).toEqual({
      text: '−1 h 30 min',
      tone: 'better',
    });
    expect(kpiDelta('utilisation', -0.05, 'higher', 'en')).toEqual({ text: '−5%', tone: 'worse' });
    expect(kpiDelta('lateOrders', 1, 'lower', 'en')).toEqual({ text: '+1', tone: 'worse' });
    expect(kpiDelta('lateOrders', 0, 'lower', 'en')).toEqual({ text: '±0', tone: 'same' });
    expect(kpiDelta('lateOrders', null, 'lower', 'en').tone).toBe('same');
  });
});
