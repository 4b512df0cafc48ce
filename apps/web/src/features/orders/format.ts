import type { TLocale } from '@ingot/contracts';

/** Display helpers shared by the production pages (orders, planning, shop floor, lots). */

type TInstant = Date | string | number | null | undefined;

function toDate(v: TInstant): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A calendar date (2026-11-30 / Nov 30, 2026) in the given time zone; '—' when absent. */
export function formatDate(v: TInstant, locale: TLocale, timeZone?: string): string {
  const d = toDate(v);
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** Date and time to the minute (24 h) in the given time zone; '—' when absent. */
export function formatDateTime(v: TInstant, locale: TLocale, timeZone?: string): string {
  const d = toDate(v);
  if (!d) return '—';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

/** A quantity with up to `digits` decimals, grouped the locale's way. */
export function formatNumber(n: number | null | undefined, locale: TLocale, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
}

/** A 0..1 share as a percentage with one decimal. */
export function formatPercent(share: number | null | undefined, locale: TLocale): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The yyyy-mm-dd value an <input type="date"> shows for an instant, in the given time zone. */
export function dateInputValue(v: TInstant, timeZone?: string): string {
  const d = toDate(v);
  if (!d) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(d)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Minutes as "2 h 05 min" / "45 min" (hours over 48 as days + hours). */
export function formatDuration(minutes: number | null | undefined, locale: TLocale): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const m = Math.round(minutes);
  const zh = locale === 'zh-CN';
  if (m < 60) return zh ? `${m} 分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h >= 48) {
    const d = Math.floor(h / 24);
    const hh = h % 24;
    return zh ? `${d} 天 ${hh} 小时` : `${d} d ${hh} h`;
  }
  return zh ? `${h} 小时 ${String(rest).padStart(2, '0')} 分` : `${h} h ${String(rest).padStart(2, '0')} min`;
}
