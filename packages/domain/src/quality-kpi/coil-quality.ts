/**
 * In-process quality of one coil from its length-indexed telemetry (issue 6 item 3). Pure functions: the samples
 * come from the telemetry store's coil profile, the tolerances from the order's product specification.
 */

/** One measurement placed on the coil: metres from its head and the measured value. */
export interface TLengthSample {
  lengthM: number;
  value: number;
}

/** Tolerance band around a nominal: lower = nominal − minus, upper = nominal + plus (both ≥ 0). */
export interface TTolerance {
  nominal: number;
  minus: number;
  plus: number;
}

export interface TCoilThicknessQuality {
  samples: number;
  /** Length between the first and last sample, m. */
  lengthM: number;
  mean: number | null;
  /** Mean, smallest and largest deviation from nominal (value − nominal). */
  deviation: { mean: number; min: number; max: number } | null;
  /** Share of the length within [lower, upper], 0..1 (see lengthWeights). */
  shareInTolerance: number | null;
  /** Metres out of tolerance. */
  lengthOutM: number | null;
  /** Within-coil short-term sigma: mean moving range of consecutive samples along the length / d2 (1.128). */
  sigmaWithin: number | null;
  /** Overall sigma: sample standard deviation (n − 1) of every sample of the coil. */
  sigmaOverall: number | null;
  /** Capability with sigmaWithin: Cp = (U − L) / 6σ, Cpk = min(U − μ, μ − L) / 3σ. */
  cp: number | null;
  cpk: number | null;
  /** Performance with sigmaOverall (same formulas). */
  pp: number | null;
  ppk: number | null;
}

/** d2 for moving ranges of two consecutive values (Montgomery, Table VI). */
export const D2_MOVING_RANGE = 1.128;

const byLength = (samples: readonly TLengthSample[]) =>
  [...samples]
    .filter((s) => Number.isFinite(s.lengthM) && Number.isFinite(s.value))
    .sort((a, b) => a.lengthM - b.lengthM);

/**
 * The length each sample stands for: from halfway to its predecessor to halfway to its successor (the first
 * from its own position, the last to its own), so weights add up to last − first. Samples taken slowly while
 * threading then weigh by the strip they cover, not by their number. A single sample weighs 1.
 */
export function lengthWeights(sorted: readonly TLengthSample[]): number[] {
  if (sorted.length === 1) return [1];
  return sorted.map((s, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const left = prev ? (s.lengthM - prev.lengthM) / 2 : 0;
    const right = next ? (next.lengthM - s.lengthM) / 2 : 0;
    return left + right;
  });
}

function capability(lower: number, upper: number, mean: number, sigma: number | null) {
  if (sigma === null || !(sigma > 0)) return { c: null, ck: null };
  return { c: (upper - lower) / (6 * sigma), ck: Math.min(upper - mean, mean - lower) / (3 * sigma) };
}

export function coilThicknessQuality(
  samples: readonly TLengthSample[],
  tolerance: TTolerance | null,
): TCoilThicknessQuality {
  const sorted = byLength(samples);
  const n = sorted.length;
  const first = sorted[0];
  const last = sorted[n - 1];
  if (!first || !last) {
    return {
      samples: 0,
      lengthM: 0,
      mean: null,
      deviation: null,
      shareInTolerance: null,
      lengthOutM: null,
      sigmaWithin: null,
      sigmaOverall: null,
      cp: null,
      cpk: null,
      pp: null,
      ppk: null,
    };
  }
  const mean = sorted.reduce((a, s) => a + s.value, 0) / n;
  const sigmaOverall =
    n >= 2 ? Math.sqrt(sorted.reduce((a, s) => a + (s.value - mean) ** 2, 0) / (n - 1)) : null;
  let mrSum = 0;
  for (let i = 1; i < n; i++) mrSum += Math.abs((sorted[i]?.value ?? 0) - (sorted[i - 1]?.value ?? 0));
  const sigmaWithin = n >= 2 ? mrSum / (n - 1) / D2_MOVING_RANGE : null;
  const lengthM = last.lengthM - first.lengthM;
  if (!tolerance) {
    return {
      samples: n,
      lengthM,
      mean,
      deviation: null,
      shareInTolerance: null,
      lengthOutM: null,
      sigmaWithin,
      sigmaOverall,
      cp: null,
      cpk: null,
      pp: null,
      ppk: null,
    };
  }
  const lower = tolerance.nominal - tolerance.minus;
  const upper = tolerance.nominal + tolerance.plus;
  const weights = lengthWeights(sorted);
  const total = weights.reduce((a, w) => a + w, 0);
  const inside = sorted.reduce(
    (a, s, i) => a + (s.value >= lower && s.value <= upper ? (weights[i] ?? 0) : 0),
    0,
  );
  const deviations = sorted.map((s) => s.value - tolerance.nominal);
  const within = capability(lower, upper, mean, sigmaWithin);
  const overall = capability(lower, upper, mean, sigmaOverall);
  return {
    samples: n,
    lengthM,
    mean,
    deviation: {
      mean: mean - tolerance.nominal,
      min: Math.min(...deviations),
      max: Math.max(...deviations),
    },
    shareInTolerance: total > 0 ? inside / total : null,
    lengthOutM: n === 1 ? 0 : lengthM - inside,
    sigmaWithin,
    sigmaOverall,
    cp: within.c,
    cpk: within.ck,
    pp: overall.c,
    ppk: overall.ck,
  };
}

export interface TFlatnessSummary {
  samples: number;
  /** I-units. */
  mean: number | null;
  max: number | null;
  /** 95th percentile (linear between order statistics, as spreadsheets' PERCENTILE.INC). */
  p95: number | null;
  /** Share of the length above the limit, when a limit is given. */
  shareAboveLimit: number | null;
}

export function flatnessSummary(
  samples: readonly TLengthSample[],
  limitIUnits: number | null,
): TFlatnessSummary {
  const sorted = byLength(samples);
  const n = sorted.length;
  if (n === 0) return { samples: 0, mean: null, max: null, p95: null, shareAboveLimit: null };
  const values = sorted.map((s) => s.value).sort((a, b) => a - b);
  const rank = 0.95 * (n - 1);
  const lo = Math.floor(rank);
  const p95 = (values[lo] ?? 0) + ((values[Math.min(lo + 1, n - 1)] ?? 0) - (values[lo] ?? 0)) * (rank - lo);
  let shareAboveLimit: number | null = null;
  if (limitIUnits !== null) {
    const weights = lengthWeights(sorted);
    const total = weights.reduce((a, w) => a + w, 0);
    const above = sorted.reduce((a, s, i) => a + (s.value > limitIUnits ? (weights[i] ?? 0) : 0), 0);
    shareAboveLimit = total > 0 ? above / total : null;
  }
  return {
    samples: n,
    mean: values.reduce((a, v) => a + v, 0) / n,
    max: values[n - 1] ?? null,
    p95,
    shareAboveLimit,
  };
}

/** A bin of the profile (min / max / avg of the samples whose length falls in [fromM, toM)). */
export interface TProfileBin {
  fromM: number;
  toM: number;
  min: number;
  max: number;
  avg: number;
  count: number;
}

/** The profile as deviation from nominal, for the chart's band around zero. */
export function deviationBins(bins: readonly TProfileBin[], nominal: number): TProfileBin[] {
  return bins.map((b) => ({ ...b, min: b.min - nominal, max: b.max - nominal, avg: b.avg - nominal }));
}

export interface TCoilDefectInput {
  defectNo: number;
  type: string | null;
  positionM: number | null;
  crossPositionMm: number | null;
  severity: number | null;
}

export interface TDefectMap {
  /** Defects with a position, head to tail. */
  defects: {
    defectNo: number;
    type: string;
    positionM: number;
    crossPositionMm: number | null;
    severity: number | null;
  }[];
  /** Defects whose position is not known (not placed on the map). */
  unplaced: number;
  byType: { type: string; count: number }[];
  bySeverity: { severity: number; count: number }[];
  /** Defects per 1000 m of coil; null when the length is unknown. */
  per1000m: number | null;
}

/** The defect map along a coil: positions, and counts by type (most first) and severity. */
export function defectMap(defects: readonly TCoilDefectInput[], coilLengthM: number | null): TDefectMap {
  const placed = defects
    .filter((d) => d.positionM !== null && Number.isFinite(d.positionM))
    .map((d) => ({
      defectNo: d.defectNo,
      type: d.type ?? 'unknown',
      positionM: d.positionM as number,
      crossPositionMm: d.crossPositionMm,
      severity: d.severity,
    }))
    .sort((a, b) => a.positionM - b.positionM || a.defectNo - b.defectNo);
  const types = new Map<string, number>();
  const severities = new Map<number, number>();
  for (const d of defects) {
    const type = d.type ?? 'unknown';
    types.set(type, (types.get(type) ?? 0) + 1);
    if (d.severity !== null) severities.set(d.severity, (severities.get(d.severity) ?? 0) + 1);
  }
  return {
    defects: placed,
    unplaced: defects.length - placed.length,
    byType: [...types]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1)),
    bySeverity: [...severities]
      .map(([severity, count]) => ({ severity, count }))
      .sort((a, b) => a.severity - b.severity),
    per1000m: coilLengthM !== null && coilLengthM > 0 ? (defects.length / coilLengthM) * 1000 : null,
  };
}
