import { deterministicId, withTenant } from '@ingot/db';
import { applyInspectionDecision, type TTenantContext } from '@ingot/domain';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityDeps } from './deps.ts';

/** The workflow acts for nobody in particular: a system context limited to the tenant. */
function systemContext(tenantId: string, key: string): TTenantContext {
  return { tenantId, userId: '', membershipId: '', roles: [], plantIds: [], requestId: key };
}

/** How far the request is in the database, as an index into LAB_STEPS (-1: only requested). */
const REACHED: Record<string, number> = {
  requested: -1,
  sampled: 0,
  received: 1,
  results_entered: 1,
  evaluated: 2,
  approved: 3,
  rejected: 3,
  cancelled: 3,
};

export function labRequestStateActivity({ db }: ActivityDeps) {
  return async function labRequestState(input: {
    tenantId: string;
    requestId: string;
  }): Promise<{ reached: number }> {
    const row = await withTenant(db, { tenantId: input.tenantId }, (tx) =>
      tx.inspectionRequest.findFirst({
        where: { id: input.requestId, tenantId: input.tenantId },
        select: { status: true },
      }),
    );
    if (!row) throw ApplicationFailure.nonRetryable('inspection request not found', 'NotFound');
    return { reached: REACHED[row.status] ?? -1 };
  };
}

/**
 * Makes the lot follow the request's stored decision (released or on hold) — a no-op when it already does, as when
 * the API applied it in the same transaction as the decision. Fails (and is retried) while no decision is stored:
 * the signal can arrive before the API's transaction commits. A change it makes is audited once per key.
 */
export function applyLabDecisionActivity({ db, hooks }: ActivityDeps) {
  return async function applyLabDecision(input: {
    tenantId: string;
    requestId: string;
    key: string;
  }): Promise<{ decision: string; lotStatus: string; changed: boolean }> {
    const out = await withTenant(db, { tenantId: input.tenantId }, async (tx) => {
      const applied = await applyInspectionDecision(
        tx,
        systemContext(input.tenantId, input.key),
        input.requestId,
      );
      if (!applied) return null;
      const { lotChange } = applied;
      if (lotChange.changed) {
        await tx.auditEvent.createMany({
          data: [
            {
              id: deterministicId(input.tenantId, `audit:${input.key}:lot`),
              tenantId: input.tenantId,
              action: 'lab.applyDecision',
              targetType: 'lot',
              targetId: lotChange.lotId,
              outcome: 'success',
              requestId: input.key,
              details: {
                decision: applied.decision,
                from: lotChange.from,
                to: lotChange.to,
                requestedBy: 'workflow:labInspection',
              },
            },
          ],
          skipDuplicates: true,
        });
      }
      const lot = await tx.materialLot.findFirstOrThrow({
        where: { id: lotChange.lotId, tenantId: input.tenantId },
        select: { status: true },
      });
      return { decision: applied.decision, lotStatus: lot.status, changed: lotChange.changed };
    });
    if (!out) throw ApplicationFailure.retryable('the request has no decision yet', 'NotDecided');
    await hooks?.afterCommit?.('applyLabDecision');
    return out;
  };
}
