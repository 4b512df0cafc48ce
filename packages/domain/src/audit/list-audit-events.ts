import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** What a tenant administrator can search the trail by. Every field is optional; all given ones must match. */
export interface TAuditEventFilter {
  /** From this instant (inclusive). */
  from?: Date;
  /** Until this instant (exclusive). */
  to?: Date;
  /** Part of the actor's e-mail (any case), or the actor's user id. */
  actor?: string;
  /** An action or its prefix: `plant` finds plant.create, plant.update, ... */
  action?: string;
  /** A target type (`plant`) or a target id. */
  target?: string;
}

export interface TAuditEventDto {
  id: string;
  /** Position in the tenant's chain (a string: it is a 64-bit number). */
  seq: string;
  at: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  sourceIp: string | null;
  details: unknown;
  hash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Prisma `where` of a filter, tenant first (the tenant filter lives in the query). */
export function auditWhere(ctx: TTenantContext, filter: TAuditEventFilter) {
  const actor = filter.actor?.trim();
  const action = filter.action?.trim();
  const target = filter.target?.trim();
  return {
    ...tenantFilter(ctx),
    AND: [
      filter.from || filter.to
        ? { at: { ...(filter.from && { gte: filter.from }), ...(filter.to && { lt: filter.to }) } }
        : {},
      actor
        ? UUID.test(actor)
          ? { actorUserId: actor.toLowerCase() }
          : { actorEmail: { contains: actor, mode: 'insensitive' as const } }
        : {},
      action ? { action: { startsWith: action } } : {},
      target ? { OR: [{ targetType: target }, { targetId: target }] } : {},
    ],
  };
}

type TAuditRow = {
  id: string;
  seq: bigint;
  at: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  sourceIp: string | null;
  details: unknown;
  hash: string;
};

export function toAuditEventDto(row: TAuditRow): TAuditEventDto {
  return {
    id: row.id,
    seq: row.seq.toString(),
    at: row.at,
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    outcome: row.outcome,
    requestId: row.requestId,
    sourceIp: row.sourceIp,
    details: row.details,
    hash: row.hash,
  };
}

/**
 * A page of the tenant's audit events, newest first; `cursor` (the last seq of the previous page) continues.
 * Tenant administrators only (the API's permission table: `audit.read`).
 */
export async function listAuditEvents(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { filter: TAuditEventFilter; cursor?: string | null; limit: number },
): Promise<{ items: TAuditEventDto[]; nextCursor: string | null }> {
  const where = auditWhere(ctx, input.filter);
  const rows = await tx.auditEvent.findMany({
    where: input.cursor ? { ...where, seq: { lt: BigInt(input.cursor) } } : where,
    orderBy: { seq: 'desc' },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(toAuditEventDto),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.seq.toString() ?? null) : null,
  };
}
