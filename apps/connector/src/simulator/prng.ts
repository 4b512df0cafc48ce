/**
 * A small seeded PRNG (sfc32, seeded through splitmix32 from a 32-bit hash of a label) so every run with the
 * same seed produces the same plant. Each piece of equipment draws from its own stream
 * (`createRng(seed, 'RP/CM-1')`), so adding or removing equipment never changes another one's values.
 */
export interface TRng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** Standard normal N(0, 1) (Box-Muller). */
  normal(): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** FNV-1a 32-bit hash of a string. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number, label = ''): TRng {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const init = splitmix32((seed ^ hash32(label)) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare: number | undefined;
  const rng: TRng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
  };
  return rng;
}

/**
 * First-order autoregressive noise (AR(1)): x' = phi x + sigma sqrt(1 - phi^2) e, so the stationary standard
 * deviation is sigma whatever phi. Models the slowly wandering error a control loop leaves (gauge control,
 * temperature control), which white noise does not.
 */
export class Ar1Noise {
  private x = 0;
  constructor(
    private readonly rng: TRng,
    private readonly sigma: number,
    private readonly phi: number,
  ) {}
  step(): number {
    this.x = this.phi * this.x + this.sigma * Math.sqrt(1 - this.phi * this.phi) * this.rng.normal();
    return this.x;
  }
  get value(): number {
    return this.x;
  }
}

/** First-order lag towards a target with time constant tauS over dtS seconds. */
export function lag(current: number, target: number, tauS: number, dtS: number): number {
  if (tauS <= 0) return target;
  return current + (target - current) * (1 - Math.exp(-dtS / tauS));
}
