import {
  attributeSeries,
  estimateAttributeLimits,
  estimateVariablesLimits,
  isBeyondLimits,
  SpcInputError,
  variablesSeries,
} from './control-charts.ts';
import { evaluateRules, type TRuleHit } from './run-rules.ts';
import type {
  TAttributeSample,
  TSpcChartType,
  TSpcLimits,
  TSpcRule,
  TSpcSeries,
  TVariablesData,
} from './spc-types.ts';

/** A chart's data: subgroups of measurements (X̄-R, X̄-S, I-MR) or counts with sample sizes (p, np, c, u). */
export type TChartData =
  | { kind: 'variables'; subgroups: TVariablesData }
  | { kind: 'attributes'; samples: readonly TAttributeSample[] };

export interface TSeriesAnalysis extends TSpcSeries {
  hits: TRuleHit[];
}

export interface TPhaseOneResult {
  limits: TSpcLimits;
  /** Subgroup indices left out of the final limits (given ones plus those removed while revising). */
  excluded: number[];
  /** Each round's out-of-control subgroups, in order: the trail of the revision. */
  rounds: Array<{ limits: TSpcLimits; outOfControl: number[] }>;
}

function size(data: TChartData): number {
  return data.kind === 'variables' ? data.subgroups.length : data.samples.length;
}

function estimate(type: TSpcChartType, data: TChartData, excluded: ReadonlySet<number>): TSpcLimits {
  if (type === 'xbar_r' || type === 'xbar_s' || type === 'i_mr') {
    if (data.kind !== 'variables') throw new SpcInputError(`${type} needs measurements`, 'data');
    return estimateVariablesLimits(type, data.subgroups, excluded);
  }
  if (data.kind !== 'attributes') throw new SpcInputError(`${type} needs counts`, 'data');
  return estimateAttributeLimits(type, data.samples, excluded);
}

/** The plotted series (location first) against the limits, without rule evaluation. */
export function chartSeries(
  data: TChartData,
  limits: TSpcLimits,
  excluded: ReadonlySet<number> = new Set(),
): TSpcSeries[] {
  if (data.kind === 'variables') return variablesSeries(data.subgroups, limits, excluded);
  return [attributeSeries(data.samples, limits, excluded)];
}

/**
 * Phase I: trial limits from all subgroups but the given exclusions; with `revise`, subgroups beyond a limit on any
 * of the chart's series are removed and the limits recomputed until none is left (Montgomery §6.2.1: "revised
 * limits"). Each round is returned so the portal can show why a subgroup was dropped.
 */
export function computePhaseOneLimits(
  type: TSpcChartType,
  data: TChartData,
  options: { excluded?: readonly number[]; revise?: boolean; maxRounds?: number } = {},
): TPhaseOneResult {
  const excluded = new Set(options.excluded ?? []);
  for (const i of excluded)
    if (!Number.isInteger(i) || i < 0 || i >= size(data))
      throw new SpcInputError(`no subgroup ${i}`, 'excluded');
  const rounds: TPhaseOneResult['rounds'] = [];
  const maxRounds = options.maxRounds ?? 10;
  for (;;) {
    const limits = estimate(type, data, excluded);
    const outOfControl = new Set<number>();
    for (const series of chartSeries(data, limits)) {
      for (const p of series.points) {
        if (!isBeyondLimits(p)) continue;
        // A moving range belongs to the individual that ends it.
        if (!excluded.has(p.index)) outOfControl.add(p.index);
      }
    }
    const sorted = [...outOfControl].sort((a, b) => a - b);
    rounds.push({ limits, outOfControl: sorted });
    if (!options.revise || sorted.length === 0 || rounds.length >= maxRounds) {
      return { limits, excluded: [...excluded].sort((a, b) => a - b), rounds };
    }
    for (const i of sorted) excluded.add(i);
  }
}

/** The series with their rule hits, against given limits (phase I trial limits or phase II frozen ones). */
export function analyseChart(
  data: TChartData,
  limits: TSpcLimits,
  rules: readonly TSpcRule[],
  excluded: ReadonlySet<number> = new Set(),
): TSeriesAnalysis[] {
  return chartSeries(data, limits, excluded).map((s) => ({ ...s, hits: evaluateRules(s.points, rules) }));
}
