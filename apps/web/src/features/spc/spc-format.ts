import type { TMessageKey } from '../../i18n/messages.ts';

/** Message keys of the enumerations the API returns. */
export const chartTypeKey = (type: string) => `spc.type.${type}` as TMessageKey;
export const seriesKey = (kind: string) => `spc.series.${kind}` as TMessageKey;
export const ruleKey = (rule: string) => `spc.rule.${rule}` as TMessageKey;
export const phaseKey = (phase: string) => `spc.phase.${phase}` as TMessageKey;

/** Digits enough to tell limits apart: 4 significant digits beyond the leading ones of the spread. */
export function digitsFor(spread: number): number {
  if (!Number.isFinite(spread) || spread <= 0) return 4;
  return Math.min(8, Math.max(2, 3 - Math.floor(Math.log10(spread))));
}
