import { describe, expect, it } from 'vitest';
import { Ar1Noise, createRng, hash32, lag } from './prng.ts';

describe('createRng', () => {
  it('repeats for the same seed and label, and differs for another seed or label', () => {
    const draw = (seed: number, label: string) => {
      const r = createRng(seed, label);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1, 'RP/CM-1')).toEqual(draw(1, 'RP/CM-1'));
    expect(draw(1, 'RP/CM-1')).not.toEqual(draw(2, 'RP/CM-1'));
    expect(draw(1, 'RP/CM-1')).not.toEqual(draw(1, 'RP/CM-2'));
  });

  it('draws uniform values in [0, 1) and standard normals with mean 0 and sd 1', () => {
    const r = createRng(99);
    let sum = 0;
    let sq = 0;
    const n = 20_000;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(hi - lo).toBeGreaterThan(0.99);
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(sq / n) - 1)).toBeLessThan(0.03);
    const ints = new Set(Array.from({ length: 500 }, () => r.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
  });

  it('refuses a non-integer seed', () => {
    expect(() => createRng(1.5)).toThrow(/seed must be an integer/);
  });

  it('hashes labels stably (FNV-1a)', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
  });
});

describe('Ar1Noise and lag', () => {
  it('AR(1) noise keeps its stationary standard deviation and is correlated', () => {
    const n = new Ar1Noise(createRng(5), 2, 0.9);
    const xs = Array.from({ length: 20_000 }, () => n.step());
    const sd = Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);
    expect(Math.abs(sd - 2)).toBeLessThan(0.15);
    let c = 0;
    for (let i = 1; i < xs.length; i++) c += (xs[i] as number) * (xs[i - 1] as number);
    expect(c / (xs.length - 1) / (sd * sd)).toBeGreaterThan(0.85);
  });

  it('lag reaches 63 % of a step after one time constant', () => {
    expect(lag(0, 100, 10, 10)).toBeCloseTo(63.2, 1);
    expect(lag(5, 7, 0, 1)).toBe(7);
  });
});
