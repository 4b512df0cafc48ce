import type { TAuditEventDto } from './list-audit-events.ts';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_email',
  'actor_user_id',
  'action',
  'target_type',
  'target_id',
  'outcome',
  'request_id',
  'source_ip',
  'details',
  'hash',
] as const;

/**
 * One CSV cell: quoted when needed (RFC 4180); a value a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) gets a leading apostrophe, so an actor who typed `=HYPERLINK(...)` into a plant
 * name cannot make the export run it on the administrator's machine.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The audit events as CSV (UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it as UTF-8; CRLF line
 * ends), oldest first as a record should read.
 */
export function auditEventsToCsv(events: readonly TAuditEventDto[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const e of [...events].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1))) {
    lines.push(
      [
        e.seq,
        e.at.toISOString(),
        e.actorEmail,
        e.actorUserId,
        e.action,
        e.targetType,
        e.targetId,
        e.outcome,
        e.requestId,
        e.sourceIp,
        JSON.stringify(e.details ?? {}),
        e.hash,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
