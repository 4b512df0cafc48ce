import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild, plantScopeOnPlant } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * Who plans: a member (the API passes its TTenantContext) or the planning workflow acting for the tenant (no
 * user; every plant). Planning functions take this narrower shape so both can call them.
 */
export type TPlanningScope = Pick<TTenantContext, 'tenantId' | 'plantIds'> & {
  userId?: string | null;
  requestId?: string | null;
  sourceIp?: string | null;
};

/** The scope of the planning workflow for a tenant: every plant, no user. */
export function systemPlanningScope(tenantId: string, requestId: string | null = null): TPlanningScope {
  return { tenantId, plantIds: [], userId: null, requestId };
}

/** The plant, if the tenant has it and it is in the caller's scope; else NOT_FOUND on `field`. */
export async function findPlanningPlant(
  tx: TenantTx,
  scope: TPlanningScope,
  plantId: string,
  field = 'plantId',
) {
  const plant = await tx.plant.findFirst({
    where: { id: plantId, ...tenantFilter(scope), AND: [plantScopeOnPlant(scope)] },
    select: { id: true, code: true, name: true, timezone: true },
  });
  if (!plant) throw DomainError.notFound('plant', field);
  return plant;
}

/** A plan version of a plant in scope; NOT_FOUND otherwise. */
export async function findPlanVersion(
  tx: TenantTx,
  scope: TPlanningScope,
  planVersionId: string,
  field = 'planVersionId',
) {
  const plan = await tx.planVersion.findFirst({
    where: { id: planVersionId, ...tenantFilter(scope), AND: [plantScopeOnChild(scope)] },
  });
  if (!plan) throw DomainError.notFound('plan version', field);
  return plan;
}

/** One audit row in the caller's transaction (system runs have no actor). */
export async function recordPlanningAudit(
  tx: TenantTx,
  scope: TPlanningScope,
  entry: {
    action: string;
    targetType: string;
    targetId: string | null;
    details: Record<string, string | number | boolean | null | string[]>;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      tenantId: scope.tenantId,
      actorUserId: scope.userId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      outcome: 'success',
      requestId: scope.requestId ?? null,
      sourceIp: scope.sourceIp ?? null,
      details: entry.details,
    },
  });
}
