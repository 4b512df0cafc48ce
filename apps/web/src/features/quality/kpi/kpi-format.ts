import { qualityKpiZhCN } from '../../../i18n/features/quality-kpi.ts';
import type { TMessageKey, TTranslate } from '../../../i18n/messages.ts';

/** A share 0..1 as a percent with one decimal ("97.5%"); an en dash for none. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A capability index with two decimals; an en dash when it cannot be computed. */
export function formatIndex(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);
}

/** Millimetres with three decimals, signed for deviations. */
export function formatMm(value: number, signed = false): string {
  const text = value.toFixed(3);
  return signed && value > 0 ? `+${text}` : text;
}

const known = (key: string): key is TMessageKey => key in qualityKpiZhCN;

/** A defect code (`surface_defect:scratch`, `thickness`, ...) or simulator defect type in the user's language. */
export function defectLabel(t: TTranslate, code: string | null): string {
  if (code === null) return t('qualityKpi.unknown');
  const type = code.startsWith('surface_defect:') ? code.slice('surface_defect:'.length) : code;
  const key = `qualityKpi.defect.${type}`;
  return known(key) ? t(key) : code;
}

/** Severity 1..3 in words. */
export function severityLabel(t: TTranslate, severity: number | null): string {
  const key = `qualityKpi.severity.${severity}`;
  return known(key) ? t(key) : t('qualityKpi.unknown');
}

/** `YYYY-MM-DD` of a local date input as the instant of that local midnight. */
export function dayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** The local day of an instant as `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}
