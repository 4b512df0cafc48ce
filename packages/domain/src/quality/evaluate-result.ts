import type { TResolvedLimit } from '@ingot/contracts';

/** Float noise allowed at a limit (a value typed as 1.03 against an upper limit of 1.03 passes). */
const EPSILON = 1e-9;

/**
 * `pass` when the value lies within the request's limits (inclusive), `fail` when outside — or when the limits
 * could not be resolved (no value passes against an unknown limit).
 */
export function evaluateResult(limit: Pick<TResolvedLimit, 'lower' | 'upper' | 'unresolved'>, value: number) {
  if (limit.unresolved !== null) return 'fail' as const;
  if (limit.lower !== null && value < limit.lower - EPSILON) return 'fail' as const;
  if (limit.upper !== null && value > limit.upper + EPSILON) return 'fail' as const;
  return 'pass' as const;
}

/** The defect code of a characteristic for nonconformances and the Pareto: `thickness`, `chemistry:Si`, ... */
export function defectCodeOf(limit: Pick<TResolvedLimit, 'code' | 'element'>): string {
  return limit.element ? `${limit.code}:${limit.element}` : limit.code;
}
