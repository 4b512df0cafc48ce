import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../i18n/messages.ts';
import {
  dayOf,
  dayStart,
  defectLabel,
  formatIndex,
  formatMm,
  formatShare,
  severityLabel,
} from './kpi-format.ts';

describe('quality KPI formatting', () => {
  it('formats shares, indices and millimetres', () => {
    expect(formatShare(0.975)).toBe('97.5%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(null)).toBe('–');
    expect(formatIndex(1.3333)).toBe('1.33');
    expect(formatIndex(null)).toBe('–');
    expect(formatMm(0.0123, true)).toBe('+0.012');
    expect(formatMm(-0.02, true)).toBe('-0.020');
  });

  it('names defect codes and severities in both languages, unknown codes as they are', () => {
    const zh = createTranslator('zh-CN');
    const en = createTranslator('en');
    expect(defectLabel(zh, 'surface_defect:scratch')).toBe('划伤');
    expect(defectLabel(en, 'edge_crack')).toBe('Edge crack');
    expect(defectLabel(en, 'thickness')).toBe('thickness');
    expect(defectLabel(en, null)).toBe('Unknown');
    expect(severityLabel(zh, 3)).toBe('致命');
    expect(severityLabel(en, null)).toBe('Unknown');
  });

  it('round-trips local days', () => {
    expect(dayOf(dayStart('2025-03-09'))).toBe('2025-03-09');
  });
});
