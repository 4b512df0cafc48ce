import { describe, expect, it } from 'vitest';
import { numberOrNull, numberOrUndefined, numberValue, text } from './form-values.ts';

describe('form values', () => {
  it('reads numbers, keeping empty apart from zero and passing text on for the server to refuse', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('  ')).toBeNull();
    expect(numberOrNull('0')).toBe(0);
    expect(numberOrNull('1.25')).toBe(1.25);
    expect(numberOrNull('abc')).toBeNaN();
    expect(numberOrUndefined('')).toBeUndefined();
    expect(numberOrUndefined('7')).toBe(7);
    expect(numberValue(null)).toBe('');
    expect(numberValue(0)).toBe('0');
    expect(text('  x ')).toBe('x');
    expect(text(null)).toBe('');
  });
});
