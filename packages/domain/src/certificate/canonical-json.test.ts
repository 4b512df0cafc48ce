import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHashOf } from './canonical-json.ts';
import { isWellFormedVerifyToken, newVerifyToken } from './verify-token.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' }, e: undefined })).toBe(
      '{"a":{"c":"x","d":[3,1]},"b":1}',
    );
    expect(canonicalJson({ at: new Date('2026-11-29T10:00:00Z'), zh: '质量' })).toBe(
      '{"at":"2026-11-29T10:00:00.000Z","zh":"质量"}',
    );
  });

  it('hashes equal content equally whatever the key order, and different content differently', () => {
    const h = contentHashOf({ a: 1, b: [1, 2] });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf({ b: [1, 2], a: 1 })).toBe(h);
    expect(contentHashOf({ a: 1, b: [2, 1] })).not.toBe(h);
    // sha256 of '{"a":1}'
    expect(contentHashOf({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('NaN');
  });
});

describe('verify tokens', () => {
  it('are 22 base64url characters (128 bits) and never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newVerifyToken()));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(isWellFormedVerifyToken(t)).toBe(true);
    expect(Buffer.from([...tokens][0] ?? '', 'base64url')).toHaveLength(16);
  });

  it('rejects anything else before the database is asked', () => {
    for (const bad of [
      '',
      'short',
      'a'.repeat(23),
      `${'a'.repeat(21)}=`,
      `${'a'.repeat(21)}/`,
      "' OR 1=1 --",
    ])
      expect(isWellFormedVerifyToken(bad)).toBe(false);
  });
});
