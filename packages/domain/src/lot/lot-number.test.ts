import { describe, expect, it } from 'vitest';
import { lotNoPrefix, yearMonthIn } from './lot-number.ts';

describe('lot numbers', () => {
  it("dates the number in the plant's time zone", () => {
    const lateUtc = new Date('2026-11-30T17:30:00Z'); // 01:30 on 1 December in Shanghai
    expect(yearMonthIn('Asia/Shanghai', lateUtc)).toBe('2612');
    expect(yearMonthIn('Europe/Berlin', lateUtc)).toBe('2611');
  });

  it('builds the prefix from plant code, kind code and month', () => {
    const at = new Date('2026-03-15T04:00:00Z');
    expect(lotNoPrefix({ code: 'RP', timezone: 'Asia/Shanghai' }, 'coil', at)).toBe('RP-CL2603-');
    expect(lotNoPrefix({ code: 'EP', timezone: 'Asia/Shanghai' }, 'billet', at)).toBe('EP-BL2603-');
    expect(lotNoPrefix({ code: 'CSP', timezone: 'Asia/Shanghai' }, 'rod_coil', at)).toBe('CSP-RC2603-');
  });
});
