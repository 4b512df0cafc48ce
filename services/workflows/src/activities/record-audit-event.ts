import { deterministicId, withTenant } from '@ingot/db';
import type { ActivityDeps } from './deps.ts';

type TJsonValue = string | number | boolean | null | TJsonValue[] | { [key: string]: TJsonValue };

export interface TRecordAuditEventInput {
  tenantId: string;
  /** Idempotency key: the same key never records a second event. */
  key: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** Who asked: a user id when it is a UUID, otherwise kept in details only. */
  requestedBy: string;
  details: { [key: string]: TJsonValue };
}
export interface TRecordAuditEventResult {
  auditEventId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record an audit event whose id is derived from (tenant, key); recording it again is a no-op. */
export function recordAuditEventActivity({ db, hooks }: ActivityDeps) {
  return async function recordAuditEvent(input: TRecordAuditEventInput): Promise<TRecordAuditEventResult> {
    const { tenantId } = input;
    const auditEventId = deterministicId(tenantId, `audit:${input.key}`);
    await withTenant(db, { tenantId }, async (tx) => {
      await tx.auditEvent.createMany({
        data: [
          {
            id: auditEventId,
            tenantId,
            actorUserId: UUID.test(input.requestedBy) ? input.requestedBy : null,
            action: input.action,
            targetType: input.targetType,
            targetId: input.targetId,
            outcome: 'success',
            requestId: input.key,
            details: { ...input.details, requestedBy: input.requestedBy },
          },
        ],
        skipDuplicates: true,
      });
    });
    await hooks?.afterCommit?.('recordAuditEvent');
    return { auditEventId };
  };
}
