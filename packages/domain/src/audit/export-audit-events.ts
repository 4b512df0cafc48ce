import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { auditEventsToCsv } from './audit-csv.ts';
import { auditWhere, type TAuditEventFilter, toAuditEventDto } from './list-audit-events.ts';
import { recordAuditEvent } from './record-audit-event.ts';

/** The most rows one export carries; narrow the filter (time range) for more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/**
 * The tenant's audit events matching the filter as CSV, oldest first, at most AUDIT_EXPORT_MAX_ROWS (the newest
 * ones; `truncated` says so). The export itself is recorded (`audit.export`, with the filter and row count):
 * reading the trail out is an event worth keeping.
 */
export async function exportAuditEvents(
  tx: TenantTx,
  ctx: TTenantContext,
  filter: TAuditEventFilter,
): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await tx.auditEvent.findMany({
    where: auditWhere(ctx, filter),
    orderBy: { seq: 'desc' },
    take: AUDIT_EXPORT_MAX_ROWS + 1,
  });
  const truncated = rows.length > AUDIT_EXPORT_MAX_ROWS;
  const events = rows.slice(0, AUDIT_EXPORT_MAX_ROWS).map(toAuditEventDto);
  await recordAuditEvent(tx, ctx, {
    action: 'audit.export',
    targetType: 'audit_event',
    targetId: null,
    details: {
      rows: events.length,
      truncated,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
      actor: filter.actor ?? null,
      action: filter.action ?? null,
      target: filter.target ?? null,
    },
  });
  return { csv: auditEventsToCsv(events), rows: events.length, truncated };
}
