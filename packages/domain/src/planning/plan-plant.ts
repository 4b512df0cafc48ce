import type { TPlanTrigger } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { gatherPlanningProblem } from './gather-planning-problem.ts';
import type { TPlanningScope } from './planning-scope.ts';
import { saveDraftPlan, type TSavedPlan } from './save-draft-plan.ts';
import { solvePlanningProblem, type TPlanSolution } from './solve-planning-problem.ts';

export interface TPlanPlantInput {
  plantId: string;
  trigger: TPlanTrigger;
  timeLimitMs?: number;
  seed?: number;
  /** Iteration budget: with it (and a generous time limit) a run is reproducible. */
  maxIterations?: number;
  frozenMinutes?: number;
  requestKey?: string | null;
  now?: Date;
}

/**
 * Gather → solve → save as a draft, in the caller's transaction (the solver blocks for `timeLimitMs`, default
 * 2 s; keep it well under the transaction timeout). The planning workflow does the same in three steps, solving
 * outside any transaction in a worker thread; this is the in-process path (tests, scripts).
 */
export async function planPlant(
  tx: TenantTx,
  scope: TPlanningScope,
  input: TPlanPlantInput,
): Promise<TSavedPlan & { solution: TPlanSolution }> {
  const problem = await gatherPlanningProblem(tx, scope, {
    plantId: input.plantId,
    ...(input.now ? { now: input.now } : {}),
    ...(input.frozenMinutes !== undefined ? { frozenMinutes: input.frozenMinutes } : {}),
  });
  const solution = solvePlanningProblem(problem, {
    timeLimitMs: input.timeLimitMs ?? 2_000,
    seed: input.seed ?? 1,
    ...(input.maxIterations !== undefined ? { maxIterations: input.maxIterations } : {}),
  });
  const saved = await saveDraftPlan(tx, scope, {
    problem,
    solution,
    trigger: input.trigger,
    requestKey: input.requestKey ?? null,
  });
  return { ...saved, solution };
}
