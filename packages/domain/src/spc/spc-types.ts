import type { TSpcChartType, TSpcRule } from '@ingot/contracts';

/** Chart kinds and rule names are the API's (packages/contracts/src/spc.ts). */
export type { TSpcChartType, TSpcRule };

export const VARIABLES_CHART_TYPES: readonly TSpcChartType[] = ['xbar_r', 'xbar_s', 'i_mr'];

/** One plotted statistic with the limits in force at that point (p and u charts: per-point limits). */
export interface TSpcPoint {
  /** 0-based position in the series. */
  index: number;
  value: number;
  center: number;
  ucl: number;
  lcl: number;
  /** One standard error of the plotted statistic at this point: the zone width for the run rules. */
  sigma: number;
  /** Subgroup size (variables: measurements; attributes: units inspected). */
  n: number;
  /** Left out of the phase I limit calculation. */
  excluded?: boolean;
}

/** The statistic a series plots. */
export type TSpcSeriesKind = 'xbar' | 'r' | 's' | 'i' | 'mr' | 'p' | 'np' | 'c' | 'u';

export interface TSpcSeries {
  kind: TSpcSeriesKind;
  points: TSpcPoint[];
}

/** Input of a variables chart: the measurements of each subgroup (I-MR: subgroups of one). */
export type TVariablesData = ReadonlyArray<ReadonlyArray<number>>;

/** Input of an attributes chart: per subgroup, nonconforming units (p, np) or nonconformities (c, u), and units inspected. */
export interface TAttributeSample {
  count: number;
  size: number;
}

/**
 * Limits estimated in phase I and frozen for phase II. `center` is the process mean (variables) or p̄, c̄, ū
 * (attributes); `sigma` the within-subgroup process standard deviation (variables only). `ucl`/`lcl` and the
 * `range*` figures are those of the nominal subgroup size `n`; charts with varying subgroup sizes derive the
 * per-point limits from `center`, `sigma` and each point's n.
 */
export interface TSpcLimits {
  chartType: TSpcChartType;
  center: number;
  ucl: number;
  lcl: number;
  sigma: number | null;
  n: number;
  rangeCenter?: number;
  rangeUcl?: number;
  rangeLcl?: number;
}
