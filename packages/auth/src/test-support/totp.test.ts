import { describe, expect, it } from 'vitest';
import { totp } from './totp.ts';

describe('totp', () => {
  it('matches the RFC 6238 SHA-1 test vectors (8 digits)', () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (ASCII), base32 below.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totp(secret, 59_000, 8)).toBe('94287082');
    expect(totp(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totp(secret, 2_000_000_000_000, 8)).toBe('69279037');
  });
});
