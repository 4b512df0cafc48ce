import type { TAlarmSeverity, TAlarmState } from '@ingot/contracts';
import styles from './alarms.module.css';

/** The class of a severity pill: red critical, orange high, yellow medium, blue low (ISA-18.2 style priorities). */
export function severityClass(severity: TAlarmSeverity): string {
  return `${styles.severity} ${styles[severity] ?? ''}`;
}

/** The badge class of a state: unacknowledged states stand out, closed is quiet. */
export function stateBadge(state: TAlarmState): string {
  switch (state) {
    case 'active_unacked':
      return 'badge badge--error';
    case 'active_acked':
      return 'badge badge--warn';
    case 'cleared_unacked':
      return 'badge badge--warn';
    default:
      return 'badge badge--ok';
  }
}

/** A measured value without float noise (up to 4 significant decimals), or a dash. */
export function formatAlarmValue(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/** Shelving durations offered in the shelve dialog, in minutes. */
export const SHELVE_DURATIONS = [15, 60, 240, 480, 1440] as const;
