import { PUBLISHED_CONTROL_CONSTANTS, type TControlConstants } from './control-constants.ts';
import { lnGamma, normalCdf, normalPdf } from './special-functions.ts';

/**
 * The control chart constants from their definitions for a normal process, for any subgroup size n ≥ 2:
 * c4 = √(2/(n−1)) Γ(n/2)/Γ((n−1)/2); d2 = E[R/σ] = ∫ 1 − Φ(x)ⁿ − (1 − Φ(x))ⁿ dx; d3 = SD[R/σ] from
 * E[(R/σ)²] = 2 ∫∫_{x<y} 1 − Φ(y)ⁿ − (1 − Φ(x))ⁿ + (Φ(y) − Φ(x))ⁿ dx dy. The derived ones follow the usual
 * formulas: A2 = 3/(d2√n), A3 = 3/(c4√n), B3,4 = 1 ∓ 3√(1 − c4²)/c4 (B3 ≥ 0), D3,4 = 1 ∓ 3 d3/d2 (D3 ≥ 0),
 * E2 = 3/d2. Results are memoised per n.
 *
 * `controlConstants` (what the charts use) takes d2 as printed in the standard table (3 decimals) for n ≤ 25 — the
 * value every hand calculation, the textbooks' worked examples and R's qcc divide by — and derives the others from
 * it with exact c4 and d3, so our limits reproduce published figures digit for digit. `exactControlConstants` is
 * the purely theoretical set.
 */
const cache = new Map<number, TControlConstants>();

const LOWER = -9;
const UPPER = 9;

function simpson(f: (x: number) => number, a: number, b: number, steps: number): number {
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += f(a + i * h) * (i % 2 === 0 ? 2 : 4);
  return (sum * h) / 3;
}

export function c4Of(n: number): number {
  return Math.sqrt(2 / (n - 1)) * Math.exp(lnGamma(n / 2) - lnGamma((n - 1) / 2));
}

export function d2Of(n: number): number {
  return simpson((x) => 1 - normalCdf(x) ** n - (1 - normalCdf(x)) ** n, LOWER, UPPER, 2000);
}

/** SD of the relative range W = R/σ; the double integral by substitution y = x + w (w ≥ 0). */
export function d3Of(n: number): number {
  const d2 = d2Of(n);
  // E[W²] = 2 ∫_0^∞ w P(W > w) dw, with P(W > w) = 1 − n ∫ φ(x) (Φ(x + w) − Φ(x))^(n−1) dx.
  const survival = (w: number) =>
    1 - n * simpson((x) => normalPdf(x) * (normalCdf(x + w) - normalCdf(x)) ** (n - 1), LOWER, UPPER, 400);
  const secondMoment = 2 * simpson((w) => w * survival(w), 0, 14, 400);
  return Math.sqrt(secondMoment - d2 * d2);
}

const exactCache = new Map<number, TControlConstants>();

export function exactControlConstants(n: number): TControlConstants {
  return build(n, d2Of, exactCache);
}

export function controlConstants(n: number): TControlConstants {
  return build(n, (m) => PUBLISHED_CONTROL_CONSTANTS.get(m)?.d2 ?? d2Of(m), cache);
}

function build(
  n: number,
  d2For: (n: number) => number,
  memo: Map<number, TControlConstants>,
): TControlConstants {
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`controlConstants: subgroup size must be an integer ≥ 2, got ${n}`);
  const hit = memo.get(n);
  if (hit) return hit;
  const c4 = c4Of(n);
  const d2 = d2For(n);
  const d3 = d3Of(n);
  const sRatio = (3 * Math.sqrt(1 - c4 * c4)) / c4;
  const constants: TControlConstants = {
    n,
    A2: 3 / (d2 * Math.sqrt(n)),
    A3: 3 / (c4 * Math.sqrt(n)),
    c4,
    B3: Math.max(0, 1 - sRatio),
    B4: 1 + sRatio,
    d2,
    d3,
    D3: Math.max(0, 1 - (3 * d3) / d2),
    D4: 1 + (3 * d3) / d2,
    E2: 3 / d2,
  };
  memo.set(n, constants);
  return constants;
}
