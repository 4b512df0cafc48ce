import { describe, expect, it } from 'vitest';
import { compareCodes } from './compare-codes.ts';

describe('compareCodes', () => {
  it('orders tag-like codes numerically and case-insensitively', () => {
    const codes = ['CM-10', 'cm-2', 'AF-3', 'CM-1', 'AF-1'].map((code) => ({ code }));
    expect(codes.sort(compareCodes).map((c) => c.code)).toEqual(['AF-1', 'AF-3', 'CM-1', 'cm-2', 'CM-10']);
  });
});
