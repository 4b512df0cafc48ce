import type { TPlanKpis, TPlanTrigger } from '@ingot/contracts';
import { withTenant } from '@ingot/db';
import { gatherPlanningProblem, saveDraftPlan, systemPlanningScope } from '@ingot/domain';
import { Context } from '@temporalio/activity';
import type { TSolverRunner } from '../solver/solver-pool.ts';
import type { ActivityDeps } from './deps.ts';

export interface TSolvePlanInput {
  tenantId: string;
  plantId: string;
  /** Idempotency key: a retried or repeated request finds the version saved under it. */
  requestKey: string;
  trigger: TPlanTrigger;
  timeLimitMs: number;
  frozenMinutes: number;
  workflowId: string | null;
}

export interface TSolvePlanResult {
  planVersionId: string;
  version: number;
  created: boolean;
  kpis: TPlanKpis;
  warnings: string[];
  solveMs: number;
  stopped: boolean;
}

/**
 * gather (one transaction) -> solve (solver thread; this activity heartbeats every second with the solver's
 * progress) -> save a draft plan version (one transaction, idempotent by requestKey). Cancellation (or a worker
 * shutting down) stops the solver at its next iteration; the activity then reports the cancellation instead of
 * saving a half-searched plan.
 */
export function solvePlanActivity({ db, hooks }: ActivityDeps, solver: () => TSolverRunner) {
  return async function solvePlan(input: TSolvePlanInput): Promise<TSolvePlanResult> {
    const ctx = Context.current();
    const scope = systemPlanningScope(input.tenantId, input.requestKey);
    const g0 = performance.now();
    const problem = await withTenant(db, { tenantId: input.tenantId }, (tx) =>
      gatherPlanningProblem(tx, scope, { plantId: input.plantId, frozenMinutes: input.frozenMinutes }),
    );
    const gatherMs = Math.round(performance.now() - g0);
    ctx.heartbeat({ phase: 'gathered', jobs: problem.instance.jobs.length });
    hooks?.onSolving?.({ attempt: ctx.info.attempt, requestKey: input.requestKey });
    let last: unknown = null;
    const beat = setInterval(() => ctx.heartbeat({ phase: 'solving', progress: last }), 1_000);
    const t0 = performance.now();
    let solution: Awaited<ReturnType<TSolverRunner['solve']>>;
    try {
      solution = await solver().solve({
        problem,
        timeLimitMs: input.timeLimitMs,
        seed: 1,
        signal: ctx.cancellationSignal,
        onProgress: (p) => {
          last = { elapsedMs: Math.round(p.elapsedMs), best: p.bestObjective };
        },
      });
    } finally {
      clearInterval(beat);
    }
    // Cancelled while solving: the solver stopped early; do not save a plan nobody waits for.
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    const solveMs = Math.round(performance.now() - t0);
    ctx.heartbeat({ phase: 'saving' });
    const saved = await withTenant(db, { tenantId: input.tenantId }, (tx) =>
      saveDraftPlan(tx, scope, {
        problem,
        solution,
        trigger: input.trigger,
        requestKey: input.requestKey,
        workflowId: input.workflowId,
        note: { gatherMs, solveMs, attempt: ctx.info.attempt },
      }),
    );
    await hooks?.afterCommit?.('solvePlan');
    return {
      planVersionId: saved.planVersionId,
      version: saved.version,
      created: saved.created,
      kpis: solution.kpis,
      warnings: solution.warnings,
      solveMs,
      stopped: solution.solver.stopped,
    };
  };
}
