import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';

export type TAuditDetails = Record<string, string | number | boolean | null | string[]>;

export interface TAuditEntry {
  /** noun.verb, as the API names the procedure: `equipment.create`. */
  action: string;
  targetType: string;
  targetId: string | null;
  details?: TAuditDetails;
  /** `success` (default): the change was made. `denied`: the permission table refused the attempt. */
  outcome?: 'success' | 'denied';
}

/** Who acted, where, and the request: all the audit row needs of the acting context. */
export type TAuditActor = Pick<TTenantContext, 'tenantId' | 'userId' | 'requestId' | 'sourceIp'>;

/**
 * Writes the one audit row of a mutation, in the mutation's own transaction (so a rolled-back change leaves
 * no audit row, and a committed change always has one). A refused attempt is written as `denied` in a
 * transaction of its own (the API does that before answering FORBIDDEN).
 */
export async function recordAuditEvent(tx: TenantTx, ctx: TAuditActor, entry: TAuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      tenantId: ctx.tenantId,
      actorUserId: ctx.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      outcome: entry.outcome ?? 'success',
      requestId: ctx.requestId ?? null,
      sourceIp: ctx.sourceIp ?? null,
      details: entry.details ?? {},
    },
  });
}
