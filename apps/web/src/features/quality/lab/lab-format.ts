import type { TResolvedLimit } from '@ingot/contracts';

/** `thickness`, `chemistry:Si`, `surface_defect:scratch`: how a characteristic is named in the lab and in CSV files. */
export function characteristicKey(l: Pick<TResolvedLimit, 'code' | 'element'>): string {
  return l.element ? `${l.code}:${l.element}` : l.code;
}

/** `0.97 … 1.03 mm`, `≥ 145 MPa`, `≤ 0.6 wt%`, or null when nothing is resolved. */
export function formatLimits(l: Pick<TResolvedLimit, 'lower' | 'upper' | 'unit'>): string | null {
  if (l.lower !== null && l.upper !== null) return `${l.lower} … ${l.upper} ${l.unit}`;
  if (l.lower !== null) return `≥ ${l.lower} ${l.unit}`;
  if (l.upper !== null) return `≤ ${l.upper} ${l.unit}`;
  return null;
}
