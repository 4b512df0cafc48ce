import { describe, expect, it } from 'vitest';
import {
  dateInputValue,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  formatPercent,
} from './format.ts';

const at = Date.UTC(2026, 10, 30, 17, 5); // 2026-12-01 01:05 in Shanghai

describe('production formatting', () => {
  it('shows dates and times in the plant time zone', () => {
    expect(formatDate(at, 'zh-CN', 'Asia/Shanghai')).toBe('2026/12/01');
    expect(formatDate(at, 'en', 'UTC')).toBe('11/30/2026');
    expect(formatDateTime(new Date(at), 'zh-CN', 'Asia/Shanghai')).toBe('2026/12/01 01:05');
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('—');
  });

  it('gives a date input its yyyy-mm-dd in the plant zone', () => {
    expect(dateInputValue(at, 'Asia/Shanghai')).toBe('2026-12-01');
    expect(dateInputValue(at, 'UTC')).toBe('2026-11-30');
    expect(dateInputValue(undefined)).toBe('');
  });

  it('formats quantities, shares and durations', () => {
    expect(formatNumber(1234.56789, 'en')).toBe('1,234.568');
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatPercent(0.8234, 'en')).toBe('82.3%');
    expect(formatDuration(45, 'en')).toBe('45 min');
    expect(formatDuration(125, 'zh-CN')).toBe('2 小时 05 分');
    expect(formatDuration(60 * 50, 'en')).toBe('2 d 2 h');
  });
});
