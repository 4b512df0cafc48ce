import type { SpcChart, TenantTx } from '@ingot/db';
import { analyseChart, computePhaseOneLimits, type TSeriesAnalysis } from './chart-analysis.ts';
import { SpcInputError } from './control-charts.ts';
import { loadChartSubgroups, type TChartSubgroup, toChartData } from './load-chart-subgroups.ts';
import { parseRules } from './spc-chart-dto.ts';
import type { TSpcChartType, TSpcLimits } from './spc-types.ts';
import { parseStoredLimits, type TStoredLimits } from './stored-limits.ts';

export interface TStoredChartAnalysis {
  subgroups: TChartSubgroup[];
  /** The stored limits, or trial limits from all subgroups when none are stored yet (`trial`); null if too few. */
  limits: TSpcLimits | null;
  stored: TStoredLimits | null;
  trial: boolean;
  series: TSeriesAnalysis[];
  /** Index of the first subgroup after the baseline (= subgroups.length when there is none yet). */
  phaseTwoStart: number;
  excluded: Set<number>;
}

/**
 * A chart's subgroups with its points and rule hits: against the stored limits when there are some (in phase II the
 * frozen ones), else against trial limits from everything (not stored).
 */
export async function analyseStoredChart(tx: TenantTx, chart: SpcChart): Promise<TStoredChartAnalysis> {
  const type = chart.chartType as TSpcChartType;
  const all = await loadChartSubgroups(tx, chart);
  const { usable: subgroups, data } = toChartData(type, all);
  const stored = parseStoredLimits(chart.limits);
  const usableStored = stored && stored.chartType === type ? stored : null;
  const keyIndex = new Map(subgroups.map((g, i) => [g.key, i]));
  const excluded = new Set(
    (usableStored?.excludedKeys ?? [])
      .map((k) => keyIndex.get(k))
      .filter((i): i is number => i !== undefined),
  );
  let limits: TSpcLimits | null = usableStored;
  let trial = false;
  if (!limits) {
    try {
      limits = computePhaseOneLimits(type, data).limits;
      trial = true;
    } catch (e) {
      if (!(e instanceof SpcInputError)) throw e;
      limits = null;
    }
  }
  let phaseTwoStart = subgroups.length;
  if (usableStored) {
    const lastBaseline = keyIndex.get(usableStored.baselineLastKey);
    // The baseline's last subgroup can vanish (a correction regrouped the results): fall back to its count.
    phaseTwoStart =
      lastBaseline !== undefined ? lastBaseline + 1 : Math.min(usableStored.baselineCount, subgroups.length);
  }
  const series = limits ? analyseChart(data, limits, parseRules(chart.rules), excluded) : [];
  return { subgroups, limits, stored: usableStored, trial, series, phaseTwoStart, excluded };
}
