import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext (no open redirect after sign-in)', () => {
  it('keeps a path of ours', () => {
    expect(safeNext('/plants/123?x=1')).toBe('/plants/123?x=1');
  });
  it('refuses other sites and loops', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      '/sign-in',
      '/auth/callback',
    ])
      expect(safeNext(bad)).toBe('/');
  });
});
