import type { TPlanTrigger } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import type { TPlanningProblem } from './gather-planning-problem.ts';
import { mapExplanations } from './map-explanations.ts';
import { MINUTE_MS } from './planning-rules.ts';
import { findPlanningPlant, recordPlanningAudit, type TPlanningScope } from './planning-scope.ts';
import type { TPlanSolution } from './solve-planning-problem.ts';

export interface TSaveDraftPlanInput {
  problem: TPlanningProblem;
  solution: TPlanSolution;
  trigger: TPlanTrigger;
  /** Idempotency key: a second save with the same key returns the first version (workflow retries). */
  requestKey?: string | null;
  workflowId?: string | null;
  /** Extra facts for PlanVersion.solver (e.g. which edit made this version). */
  note?: Record<string, string | number | boolean | null>;
}

export interface TSavedPlan {
  planVersionId: string;
  version: number;
  /** False when the request key had already been saved. */
  created: boolean;
}

/**
 * Serialises plan writes of one plant (version numbers, publishing) for the rest of the transaction.
 * A transaction-level advisory lock: released at commit or rollback, on PostgreSQL and PGlite alike.
 */
export async function lockPlantPlans(tx: TenantTx, plantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`plan:${plantId}`}, 0))`;
}

/**
 * Stores a solved schedule as a new draft PlanVersion (next version number of the plant) with one
 * PlanAssignment per operation, the KPIs, the lateness explanations mapped to order numbers and the solver's
 * statistics. Idempotent by `requestKey`.
 */
export async function saveDraftPlan(
  tx: TenantTx,
  scope: TPlanningScope,
  input: TSaveDraftPlanInput,
): Promise<TSavedPlan> {
  const { problem, solution } = input;
  const plant = await findPlanningPlant(tx, scope, problem.plantId);
  await lockPlantPlans(tx, plant.id);
  if (input.requestKey) {
    const recent = await tx.planVersion.findMany({
      where: {
        ...tenantFilter(scope),
        plantId: plant.id,
        createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) },
      },
      select: { id: true, version: true, solver: true },
    });
    const found = recent.find(
      (p) => (p.solver as { requestKey?: unknown } | null)?.requestKey === input.requestKey,
    );
    if (found) return { planVersionId: found.id, version: found.version, created: false };
  }
  const last = await tx.planVersion.findFirst({
    where: { ...tenantFilter(scope), plantId: plant.id },
    orderBy: { version: 'desc' },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  const originMs = Date.parse(problem.origin);
  const at = (min: number) => new Date(originMs + Math.round(min) * MINUTE_MS);
  const plan = await tx.planVersion.create({
    data: {
      tenantId: scope.tenantId,
      plantId: plant.id,
      version,
      status: 'draft',
      trigger: input.trigger,
      horizonStart: new Date(originMs),
      frozenUntil: new Date(problem.frozenUntil),
      kpis: solution.kpis,
      explanations: JSON.parse(JSON.stringify(mapExplanations(problem, solution.explanations))),
      solver: {
        ...solution.solver,
        requestKey: input.requestKey ?? null,
        basePlanVersionId: problem.basePlanVersionId,
        warnings: solution.warnings,
        ...(input.note ?? {}),
      },
      workflowId: input.workflowId ?? null,
    },
    select: { id: true },
  });
  const data = solution.schedule.operations.map((s) => {
    const info = problem.operations[s.operationId];
    return {
      tenantId: scope.tenantId,
      planId: plan.id,
      operationId: s.operationId,
      equipmentId: s.machineId,
      start: at(s.start),
      end: at(s.end),
      setupMinutes: s.setupTime,
      locked: info?.fixing === 'locked' || info?.fixing === 'locked_machine',
      batchKey: s.batchId ?? null,
    };
  });
  for (let i = 0; i < data.length; i += 1000) {
    await tx.planAssignment.createMany({ data: data.slice(i, i + 1000) });
  }
  await recordPlanningAudit(tx, scope, {
    action: 'plan.run',
    targetType: 'plan_version',
    targetId: plan.id,
    details: { plantCode: plant.code, version, trigger: input.trigger, operations: data.length },
  });
  return { planVersionId: plan.id, version, created: true };
}
