import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { advanceOrderStatusBridge } from './order-status-bridge.ts';
import { findPlanVersion, recordPlanningAudit, type TPlanningScope } from './planning-scope.ts';
import { lockPlantPlans } from './save-draft-plan.ts';

export interface TPublishPlanResult {
  planVersionId: string;
  version: number;
  /** The version it replaced (now superseded), if any. */
  supersededVersionId: string | null;
  /** Orders that moved to `planned` because every work order of theirs is in this plan. */
  plannedOrderNos: string[];
  /** False when the version was already published (publishing is idempotent). */
  changed: boolean;
}

/**
 * Makes a draft the plant's current plan: the previously published version becomes superseded, and confirmed
 * orders (an entered order is not confirmed yet: confirmation belongs to the order module) whose every open work order has all its remaining operations in this plan advance to
 * `planned` (through the order-status call site, see order-status-bridge.ts). Publishing a published version
 * again changes nothing; a superseded one cannot come back (CONFLICT: run or edit a new version instead).
 */
export async function publishPlan(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { planVersionId: string },
): Promise<TPublishPlanResult> {
  const found = await findPlanVersion(tx, scope, input.planVersionId);
  await lockPlantPlans(tx, found.plantId);
  const plan = await findPlanVersion(tx, scope, input.planVersionId);
  if (plan.status === 'published') {
    return {
      planVersionId: plan.id,
      version: plan.version,
      supersededVersionId: null,
      plannedOrderNos: [],
      changed: false,
    };
  }
  if (plan.status === 'superseded') {
    throw new DomainError(
      'CONFLICT',
      `plan version ${plan.version} was superseded; run or edit a new version instead`,
      'planVersionId',
    );
  }
  const previous = await tx.planVersion.findMany({
    where: { ...tenantFilter(scope), plantId: plan.plantId, status: 'published' },
    select: { id: true },
  });
  if (previous.length) {
    await tx.planVersion.updateMany({
      where: { ...tenantFilter(scope), id: { in: previous.map((p) => p.id) } },
      data: { status: 'superseded' },
    });
  }
  await tx.planVersion.update({
    where: { id: plan.id, ...tenantFilter(scope) },
    data: { status: 'published', publishedAt: new Date() },
  });

  // Orders whose work is fully in this plan move to planned.
  const candidates = await tx.salesOrder.findMany({
    where: { ...tenantFilter(scope), plantId: plan.plantId, status: 'confirmed' },
    select: {
      id: true,
      orderNo: true,
      lines: {
        select: {
          workOrders: {
            where: { status: { not: 'cancelled' } },
            select: {
              operations: { where: { status: { in: ['pending', 'in_progress'] } }, select: { id: true } },
            },
          },
        },
      },
    },
  });
  // Only read the plan's operations when some confirmed order may move (after the first plan, usually none).
  const assigned = new Set(
    candidates.length === 0
      ? []
      : (
          await tx.planAssignment.findMany({
            where: { ...tenantFilter(scope), planId: plan.id },
            select: { operationId: true },
          })
        ).map((a) => a.operationId),
  );
  const plannedOrderNos: string[] = [];
  for (const order of candidates) {
    const workOrders = order.lines.flatMap((l) => l.workOrders);
    if (workOrders.length === 0) continue;
    const ops = workOrders.flatMap((w) => w.operations.map((o) => o.id));
    if (!ops.every((id) => assigned.has(id))) continue;
    const r = await advanceOrderStatusBridge(tx, scope, {
      orderId: order.id,
      to: 'planned',
      kind: 'plan_published',
      key: `plan:${plan.id}`,
      details: { planVersionId: plan.id, version: plan.version },
    });
    if (r.changed) plannedOrderNos.push(order.orderNo);
  }
  await recordPlanningAudit(tx, scope, {
    action: 'plan.publish',
    targetType: 'plan_version',
    targetId: plan.id,
    details: {
      version: plan.version,
      supersededVersionIds: previous.map((p) => p.id),
      plannedOrders: plannedOrderNos.length,
    },
  });
  return {
    planVersionId: plan.id,
    version: plan.version,
    supersededVersionId: previous[0]?.id ?? null,
    plannedOrderNos,
    changed: true,
  };
}
