import { chiSquareQuantile, normalQuantile } from './special-functions.ts';

export interface TInterval {
  lower: number;
  upper: number;
}

export interface TCapabilityIndex {
  value: number;
  interval: TInterval;
}

export interface TCapability {
  n: number;
  mean: number;
  /** Within-subgroup sigma (R̄/d2, S̄/c4 or MR̄/d2 of the chart) — basis of Cp, Cpk. */
  sigmaWithin: number | null;
  /** Overall sample standard deviation of all values — basis of Pp, Ppk. */
  sigmaOverall: number;
  lsl: number | null;
  usl: number | null;
  confidence: number;
  cp: TCapabilityIndex | null;
  cpk: TCapabilityIndex | null;
  pp: TCapabilityIndex | null;
  ppk: TCapabilityIndex | null;
}

/**
 * Confidence interval of Cp (or Pp) from the chi-square distribution of the variance estimate with ν degrees of
 * freedom (Montgomery §8.7.1, eq. 8.19): Ĉp √(χ²_{α/2,ν}/ν) ≤ Cp ≤ Ĉp √(χ²_{1−α/2,ν}/ν).
 */
export function cpInterval(cp: number, dof: number, confidence = 0.95): TInterval {
  const alpha = 1 - confidence;
  return {
    lower: cp * Math.sqrt(chiSquareQuantile(alpha / 2, dof) / dof),
    upper: cp * Math.sqrt(chiSquareQuantile(1 - alpha / 2, dof) / dof),
  };
}

/**
 * Confidence interval of Cpk (or Ppk) by Bissell's (1990) normal approximation (Montgomery §8.7.1, eq. 8.21):
 * Ĉpk [1 ∓ z_{α/2} √(1/(9 n Ĉpk²) + 1/(2(n−1)))].
 */
export function cpkInterval(cpk: number, n: number, confidence = 0.95): TInterval {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const half = z * Math.sqrt(1 / (9 * n * cpk * cpk) + 1 / (2 * (n - 1)));
  return { lower: cpk * (1 - half), upper: cpk * (1 + half) };
}

function indices(
  mean: number,
  sigma: number,
  lsl: number | null,
  usl: number | null,
  n: number,
  confidence: number,
) {
  if (!(sigma > 0)) return { p: null, pk: null };
  const p = lsl !== null && usl !== null ? (usl - lsl) / (6 * sigma) : null;
  const sides = [
    usl !== null ? (usl - mean) / (3 * sigma) : null,
    lsl !== null ? (mean - lsl) / (3 * sigma) : null,
  ].filter((x): x is number => x !== null);
  const pk = sides.length > 0 ? Math.min(...sides) : null;
  return {
    p: p === null ? null : { value: p, interval: cpInterval(p, n - 1, confidence) },
    pk: pk === null ? null : { value: pk, interval: cpkInterval(pk, n, confidence) },
  };
}

/**
 * Cp, Cpk (within sigma of the chart) and Pp, Ppk (overall sample standard deviation) of the values against the
 * specification limits, with confidence intervals: chi-square for Cp/Pp and Bissell for Cpk/Ppk, both with
 * n = number of individual values (ν = n − 1). One-sided specifications give Cpk/Ppk only.
 */
export function processCapability(
  values: readonly number[],
  spec: { lsl: number | null; usl: number | null },
  sigmaWithin: number | null,
  confidence = 0.95,
): TCapability {
  const n = values.length;
  if (n < 2) throw new RangeError('processCapability: at least 2 values are needed');
  if (spec.lsl === null && spec.usl === null)
    throw new RangeError('processCapability: a specification limit is needed');
  if (spec.lsl !== null && spec.usl !== null && !(spec.usl > spec.lsl))
    throw new RangeError('processCapability: the upper specification limit must exceed the lower');
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sigmaOverall = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const within =
    sigmaWithin !== null
      ? indices(mean, sigmaWithin, spec.lsl, spec.usl, n, confidence)
      : { p: null, pk: null };
  const overall = indices(mean, sigmaOverall, spec.lsl, spec.usl, n, confidence);
  return {
    n,
    mean,
    sigmaWithin,
    sigmaOverall,
    lsl: spec.lsl,
    usl: spec.usl,
    confidence,
    cp: within.p,
    cpk: within.pk,
    pp: overall.p,
    ppk: overall.pk,
  };
}
