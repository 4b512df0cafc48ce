import type { TLocale } from '@ingot/contracts';
import { formatDuration, formatNumber, formatPercent } from '../orders/format.ts';

export type TKpiKey =
  | 'makespanMin'
  | 'weightedTardinessMin'
  | 'lateOrders'
  | 'lateWorkOrders'
  | 'setupHours'
  | 'utilisation';

export const KPI_LABEL_KEYS = {
  makespanMin: 'planning.kpi.makespan',
  weightedTardinessMin: 'planning.kpi.tardiness',
  lateOrders: 'planning.kpi.lateOrders',
  lateWorkOrders: 'planning.kpi.lateWorkOrders',
  setupHours: 'planning.kpi.setupHours',
  utilisation: 'planning.kpi.utilisation',
} as const;

/** A KPI value the way a planner reads it: durations in h/min, utilisation in %, counts as numbers. */
export function formatKpi(key: TKpiKey | string, value: number | null | undefined, locale: TLocale): string {
  if (value === null || value === undefined) return '—';
  switch (key) {
    case 'makespanMin':
    case 'weightedTardinessMin':
      return formatDuration(value, locale);
    case 'setupHours':
      return `${formatNumber(value, locale, 1)} h`;
    case 'utilisation':
      return formatPercent(value, locale);
    default:
      return formatNumber(value, locale, 0);
  }
}

/** A difference to the first version, signed, and whether it is better given which way is better. */
export function kpiDelta(
  key: TKpiKey | string,
  delta: number | null,
  better: 'lower' | 'higher',
  locale: TLocale,
): { text: string; tone: 'better' | 'worse' | 'same' } {
  if (delta === null || delta === 0) return { text: delta === 0 ? '±0' : '', tone: 'same' };
  const sign = delta > 0 ? '+' : '−';
  const text = `${sign}${formatKpi(key, Math.abs(delta), locale)}`;
  const good = better === 'lower' ? delta < 0 : delta > 0;
  return { text, tone: good ? 'better' : 'worse' };
}
