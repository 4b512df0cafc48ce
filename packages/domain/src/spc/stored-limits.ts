import type { TSpcLimits } from './spc-types.ts';

/**
 * What spc_chart.limits holds: the phase I limits (centre, limits, within sigma, nominal n) plus how they were
 * obtained — the baseline (subgroups up to `baselineLastKey`, `baselineCount` of them), the subgroups excluded —
 * and, in phase II, `alarmedThroughKey`: the last subgroup already checked for rule violations, so a violation
 * raises its alarm once.
 */
export interface TStoredLimits extends TSpcLimits {
  baselineCount: number;
  baselineLastKey: string;
  excludedKeys: string[];
  computedAt: string;
  alarmedThroughKey: string | null;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the stored JSON defensively: anything malformed reads as "no limits". */
export function parseStoredLimits(json: unknown): TStoredLimits | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  if (!isNum(o.center) || !isNum(o.ucl) || !isNum(o.lcl) || !isNum(o.n) || typeof o.chartType !== 'string')
    return null;
  if (typeof o.baselineLastKey !== 'string' || !isNum(o.baselineCount)) return null;
  return {
    chartType: o.chartType as TSpcLimits['chartType'],
    center: o.center,
    ucl: o.ucl,
    lcl: o.lcl,
    sigma: isNum(o.sigma) ? o.sigma : null,
    n: o.n,
    ...(isNum(o.rangeCenter) ? { rangeCenter: o.rangeCenter } : {}),
    ...(isNum(o.rangeUcl) ? { rangeUcl: o.rangeUcl } : {}),
    ...(isNum(o.rangeLcl) ? { rangeLcl: o.rangeLcl } : {}),
    baselineCount: o.baselineCount,
    baselineLastKey: o.baselineLastKey,
    excludedKeys: Array.isArray(o.excludedKeys)
      ? o.excludedKeys.filter((k): k is string => typeof k === 'string')
      : [],
    computedAt: typeof o.computedAt === 'string' ? o.computedAt : '',
    alarmedThroughKey: typeof o.alarmedThroughKey === 'string' ? o.alarmedThroughKey : null,
  };
}
