import { TelemetryInputError, type TelemetryTime } from './telemetry-store.ts';

// Control characters have no business in identifiers shown in the portal and written to logs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f]/;

/** 2000-01-01 .. 2200-01-01 UTC: outside this a timestamp is a unit mistake (seconds for ms, or ns). */
export const MIN_TS_MS = Date.UTC(2000, 0, 1);
export const MAX_TS_MS = Date.UTC(2200, 0, 1);

export function requireName(field: string, value: unknown, maxLength = 128): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TelemetryInputError(field, 'must be a non-empty string');
  }
  if (value.length > maxLength)
    throw new TelemetryInputError(field, `is longer than ${maxLength} characters`);
  if (CONTROL.test(value)) throw new TelemetryInputError(field, 'contains control characters');
  return value;
}

export function requireTenant(tenantId: unknown): string {
  return requireName('tenantId', tenantId, 64);
}

export function toEpochMs(field: string, value: TelemetryTime | unknown): number {
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new TelemetryInputError(field, 'must be a Date or epoch milliseconds');
  }
  if (ms < MIN_TS_MS || ms >= MAX_TS_MS) {
    throw new TelemetryInputError(
      field,
      `${ms} is outside 2000-01-01..2200-01-01 (epoch milliseconds expected, not seconds or nanoseconds)`,
    );
  }
  return Math.trunc(ms);
}

export function requireIntInRange(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TelemetryInputError(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function optionalNameList(field: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TelemetryInputError(field, 'must be an array of strings');
  if (value.length > 10_000) throw new TelemetryInputError(field, 'has more than 10000 entries');
  return value.map((v, i) => requireName(`${field}[${i}]`, v));
}

/** Checks an IANA time zone name (what Intl and ClickHouse both accept). */
export function requireTimeZone(field: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) {
    throw new TelemetryInputError(field, 'must be an IANA time zone such as Asia/Shanghai');
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw new TelemetryInputError(field, `"${value}" is not a known IANA time zone`);
  }
  return value;
}

/** ClickHouse DateTime64(3) text for epoch ms: seconds with three decimals, unambiguous in JSONEachRow. */
export const msToChTime = (ms: number): string => (ms / 1000).toFixed(3);
