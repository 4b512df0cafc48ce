import { controlConstants } from './control-constants-theory.ts';
import type {
  TAttributeSample,
  TSpcChartType,
  TSpcLimits,
  TSpcPoint,
  TSpcSeries,
  TVariablesData,
} from './spc-types.ts';

/**
 * Shewhart charts: the statistics, phase I limit estimation and the points against given (frozen) limits.
 *
 * Sigma estimates (Montgomery ch. 6; ASTM E2587):
 * - X̄-R: σ̂ = R̄/d2 (mean of Rᵢ/d2ᵢ for unequal subgroups), so UCL = x̿ + A2 R̄ exactly as printed.
 * - X̄-S: σ̂ = S̄/c4 (mean of sᵢ/c4ᵢ for unequal subgroups), UCL = x̿ + A3 S̄. x̿ is the mean of all values.
 * - I-MR: σ̂ = MR̄/d2(2) with MR of span 2, UCL = x̄ ± E2 MR̄ = x̄ ± 3 MR̄/1.128.
 * - p: p̄ = ΣDᵢ/Σnᵢ, limits p̄ ± 3√(p̄(1−p̄)/nᵢ) per point; np: n p̄ ± 3√(n p̄(1−p̄)); c: c̄ ± 3√c̄;
 *   u: ū = Σcᵢ/Σnᵢ, ū ± 3√(ū/nᵢ) per point. Negative lower limits are set to 0.
 * Points on a limit are in control; only points strictly beyond count (the qcc and Montgomery convention).
 */

function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / (values.length - 1));
}

function range(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

export class SpcInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

function checkVariables(type: TSpcChartType, data: TVariablesData): void {
  data.forEach((group, i) => {
    if (group.length === 0) throw new SpcInputError(`subgroup ${i} is empty`, `data.${i}`);
    if (type !== 'i_mr' && group.length < 2)
      throw new SpcInputError(`subgroup ${i} needs at least 2 values for ${type}`, `data.${i}`);
    if (type === 'i_mr' && group.length !== 1)
      throw new SpcInputError(`I-MR takes one value per subgroup (subgroup ${i})`, `data.${i}`);
    if (type === 'xbar_r' && group.length > 25)
      throw new SpcInputError(`X̄-R takes subgroups of at most 25 (subgroup ${i})`, `data.${i}`);
    for (const v of group)
      if (!Number.isFinite(v)) throw new SpcInputError(`subgroup ${i} holds a non-finite value`, `data.${i}`);
  });
}

function checkAttributes(type: TSpcChartType, data: readonly TAttributeSample[]): void {
  data.forEach((s, i) => {
    if (!Number.isFinite(s.count) || s.count < 0)
      throw new SpcInputError(`sample ${i}: count must be ≥ 0`, `data.${i}.count`);
    if (!Number.isFinite(s.size) || s.size <= 0)
      throw new SpcInputError(`sample ${i}: size must be > 0`, `data.${i}.size`);
    if ((type === 'p' || type === 'np') && s.count > s.size)
      throw new SpcInputError(`sample ${i}: more nonconforming units than inspected`, `data.${i}.count`);
  });
}

/**
 * Unweighted averages of the subgroup sigma estimates, mean(Rᵢ/d2ᵢ) and mean(sᵢ/c4ᵢ) (ASTM E2587 / R qcc "UWAVE-R",
 * "UWAVE-SD"); for equal subgroup sizes they are R̄/d2 and S̄/c4.
 */
function uwaveR(groups: TVariablesData): number {
  return mean(groups.map((g) => range(g) / controlConstants(g.length).d2));
}

function uwaveSd(groups: TVariablesData): number {
  return mean(groups.map((g) => sampleSd(g) / controlConstants(g.length).c4));
}

const kept = <T>(items: readonly T[], excluded: ReadonlySet<number>) =>
  items.filter((_, i) => !excluded.has(i));

/** Phase I: estimate the limits from the subgroups not excluded. */
export function estimateVariablesLimits(
  type: 'xbar_r' | 'xbar_s' | 'i_mr',
  data: TVariablesData,
  excluded: ReadonlySet<number> = new Set(),
): TSpcLimits {
  checkVariables(type, data);
  const groups = kept(data, excluded);
  if (type === 'i_mr') {
    // Moving ranges between consecutive kept individuals that are adjacent in the original series.
    const mrs: number[] = [];
    for (let i = 1; i < data.length; i++) {
      if (excluded.has(i) || excluded.has(i - 1)) continue;
      mrs.push(
        Math.abs(
          ((data[i] as readonly number[])[0] as number) - ((data[i - 1] as readonly number[])[0] as number),
        ),
      );
    }
    if (groups.length < 2 || mrs.length < 1)
      throw new SpcInputError('I-MR needs at least 2 individuals', 'data');
    const center = mean(groups.map((g) => g[0] as number));
    const mrBar = mean(mrs);
    const k = controlConstants(2);
    const sigma = mrBar / k.d2;
    return {
      chartType: type,
      center,
      ucl: center + 3 * sigma,
      lcl: center - 3 * sigma,
      sigma,
      n: 1,
      rangeCenter: mrBar,
      rangeUcl: k.D4 * mrBar,
      rangeLcl: k.D3 * mrBar,
    };
  }
  if (groups.length < 2) throw new SpcInputError(`${type} needs at least 2 subgroups`, 'data');
  const total = groups.reduce((s, g) => s + g.length, 0);
  const center = groups.reduce((s, g) => s + g.length * mean(g), 0) / total;
  const n = Math.round(total / groups.length);
  const sigma = type === 'xbar_r' ? uwaveR(groups) : uwaveSd(groups);
  const k = controlConstants(n);
  const spread = (3 * sigma) / Math.sqrt(n);
  const rangeCenter = type === 'xbar_r' ? k.d2 * sigma : k.c4 * sigma;
  return {
    chartType: type,
    center,
    ucl: center + spread,
    lcl: center - spread,
    sigma,
    n,
    rangeCenter,
    rangeUcl: type === 'xbar_r' ? k.D4 * rangeCenter : k.B4 * rangeCenter,
    rangeLcl: type === 'xbar_r' ? k.D3 * rangeCenter : k.B3 * rangeCenter,
  };
}

export function estimateAttributeLimits(
  type: 'p' | 'np' | 'c' | 'u',
  data: readonly TAttributeSample[],
  excluded: ReadonlySet<number> = new Set(),
): TSpcLimits {
  checkAttributes(type, data);
  const samples = kept(data, excluded);
  if (samples.length < 2) throw new SpcInputError(`${type} needs at least 2 samples`, 'data');
  const totalCount = samples.reduce((s, x) => s + x.count, 0);
  const totalSize = samples.reduce((s, x) => s + x.size, 0);
  const n = totalSize / samples.length;
  const center = type === 'c' ? totalCount / samples.length : totalCount / totalSize;
  const nominal = attributePointLimits(type, center, type === 'c' ? 1 : n);
  return { chartType: type, center, ucl: nominal.ucl, lcl: nominal.lcl, sigma: null, n };
}

function attributePointLimits(type: 'p' | 'np' | 'c' | 'u', center: number, n: number) {
  switch (type) {
    case 'p': {
      const sigma = Math.sqrt((center * (1 - center)) / n);
      return { center, sigma, ucl: center + 3 * sigma, lcl: Math.max(0, center - 3 * sigma) };
    }
    case 'np': {
      const c = n * center;
      const sigma = Math.sqrt(c * (1 - center));
      return { center: c, sigma, ucl: c + 3 * sigma, lcl: Math.max(0, c - 3 * sigma) };
    }
    case 'c': {
      const sigma = Math.sqrt(center);
      return { center, sigma, ucl: center + 3 * sigma, lcl: Math.max(0, center - 3 * sigma) };
    }
    case 'u': {
      const sigma = Math.sqrt(center / n);
      return { center, sigma, ucl: center + 3 * sigma, lcl: Math.max(0, center - 3 * sigma) };
    }
  }
}

/** The plotted series of a variables chart against the given limits (location chart, then dispersion chart). */
export function variablesSeries(
  data: TVariablesData,
  limits: TSpcLimits,
  excluded: ReadonlySet<number> = new Set(),
): [TSpcSeries, TSpcSeries] {
  const type = limits.chartType;
  if (type !== 'xbar_r' && type !== 'xbar_s' && type !== 'i_mr')
    throw new SpcInputError(`${type} is not a variables chart`, 'chartType');
  checkVariables(type, data);
  const sigma = limits.sigma ?? 0;
  if (type === 'i_mr') {
    const k = controlConstants(2);
    const iPoints: TSpcPoint[] = data.map((g, index) => ({
      index,
      value: g[0] as number,
      center: limits.center,
      ucl: limits.center + 3 * sigma,
      lcl: limits.center - 3 * sigma,
      sigma,
      n: 1,
      ...(excluded.has(index) ? { excluded: true } : {}),
    }));
    const mrPoints: TSpcPoint[] = [];
    for (let i = 1; i < data.length; i++) {
      mrPoints.push({
        index: i,
        value: Math.abs(
          ((data[i] as readonly number[])[0] as number) - ((data[i - 1] as readonly number[])[0] as number),
        ),
        center: k.d2 * sigma,
        ucl: k.D4 * k.d2 * sigma,
        lcl: k.D3 * k.d2 * sigma,
        sigma: k.d3 * sigma,
        n: 2,
        ...(excluded.has(i) || excluded.has(i - 1) ? { excluded: true } : {}),
      });
    }
    return [
      { kind: 'i', points: iPoints },
      { kind: 'mr', points: mrPoints },
    ];
  }
  const location: TSpcPoint[] = [];
  const dispersion: TSpcPoint[] = [];
  data.forEach((g, index) => {
    const n = g.length;
    const k = controlConstants(n);
    const se = sigma / Math.sqrt(n);
    const flag = excluded.has(index) ? { excluded: true } : {};
    location.push({
      index,
      value: mean(g),
      center: limits.center,
      ucl: limits.center + 3 * se,
      lcl: limits.center - 3 * se,
      sigma: se,
      n,
      ...flag,
    });
    if (type === 'xbar_r') {
      const c = k.d2 * sigma;
      dispersion.push({
        index,
        value: range(g),
        center: c,
        ucl: k.D4 * c,
        lcl: k.D3 * c,
        sigma: k.d3 * sigma,
        n,
        ...flag,
      });
    } else {
      const c = k.c4 * sigma;
      dispersion.push({
        index,
        value: sampleSd(g),
        center: c,
        ucl: k.B4 * c,
        lcl: k.B3 * c,
        sigma: sigma * Math.sqrt(1 - k.c4 * k.c4),
        n,
        ...flag,
      });
    }
  });
  return [
    { kind: 'xbar', points: location },
    { kind: type === 'xbar_r' ? 'r' : 's', points: dispersion },
  ];
}

/** The plotted series of an attributes chart, with per-point limits from each sample's size. */
export function attributeSeries(
  data: readonly TAttributeSample[],
  limits: TSpcLimits,
  excluded: ReadonlySet<number> = new Set(),
): TSpcSeries {
  const type = limits.chartType;
  if (type !== 'p' && type !== 'np' && type !== 'c' && type !== 'u')
    throw new SpcInputError(`${type} is not an attributes chart`, 'chartType');
  checkAttributes(type, data);
  const points = data.map((s, index): TSpcPoint => {
    const l = attributePointLimits(type, limits.center, type === 'c' ? 1 : s.size);
    const value = type === 'p' || type === 'u' ? s.count / s.size : s.count;
    return {
      index,
      value,
      center: l.center,
      ucl: l.ucl,
      lcl: l.lcl,
      sigma: l.sigma,
      n: s.size,
      ...(excluded.has(index) ? { excluded: true } : {}),
    };
  });
  return { kind: type, points };
}

export const isBeyondLimits = (p: TSpcPoint) => p.value > p.ucl || p.value < p.lcl;
