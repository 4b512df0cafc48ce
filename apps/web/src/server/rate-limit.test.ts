import { describe, expect, it } from 'vitest';
import { rateLimit } from './rate-limit.ts';

describe('rateLimit', () => {
  it('lets `limit` requests through per window, then answers with the seconds until the window ends', () => {
    const key = `t-${Math.random()}`;
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(rateLimit(key, 3, 60, t0 + i).ok).toBe(true);
    expect(rateLimit(key, 3, 60, t0 + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(rateLimit(key, 3, 60, t0 + 60_000).ok).toBe(true);
  });

  it('counts keys apart', () => {
    const a = `a-${Math.random()}`;
    const b = `b-${Math.random()}`;
    expect(rateLimit(a, 1, 60).ok).toBe(true);
    expect(rateLimit(a, 1, 60).ok).toBe(false);
    expect(rateLimit(b, 1, 60).ok).toBe(true);
  });
});
