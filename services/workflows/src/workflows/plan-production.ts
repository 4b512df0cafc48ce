import {
  PLAN_QUERIES,
  PLAN_SIGNALS,
  type TPlanProductionInput,
  type TPlanProductionStatus,
  type TPlanRequest,
  type TPlanRequestInput,
  type TPlanTrigger,
  ZPlanProductionInput,
  ZPlanRequest,
} from '@ingot/contracts';
import {
  ApplicationFailure,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { z } from 'zod';
import type { Activities } from '../activities/index.ts';
import { FAILURE_TYPES } from './failure-types.ts';

/**
 * The solve: heartbeats every second, so a worker that dies mid-solve is noticed after the heartbeat timeout and
 * the solve is retried on another worker (it is idempotent by request key). startToClose bounds a solve of the
 * longest budget (5 min) plus gathering and saving.
 */
const { solvePlan } = proxyActivities<Activities>({
  startToCloseTimeout: '8 minutes',
  heartbeatTimeout: '4 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 6,
  },
  cancellationType: 'WAIT_CANCELLATION_COMPLETED',
});
const { publishPlanVersion } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 10,
  },
});

export const equipmentDownSignal = defineSignal<[TPlanRequestInput]>(PLAN_SIGNALS.equipmentDown);
export const equipmentUpSignal = defineSignal<[TPlanRequestInput]>(PLAN_SIGNALS.equipmentUp);
export const rushOrderSignal = defineSignal<[TPlanRequestInput]>(PLAN_SIGNALS.rushOrder);
export const replanSignal = defineSignal<[TPlanRequestInput]>(PLAN_SIGNALS.replan);
export const planStatusQuery = defineQuery<TPlanProductionStatus>(PLAN_QUERIES.status);

/** When a burst mixes reasons, the plan is labelled with the most urgent one. */
const URGENCY: readonly TPlanTrigger[] = [
  'equipment_down',
  'equipment_up',
  'rush_order',
  'order_confirmed',
  'manual',
  'replan',
  'edit',
];

/**
 * One long-running workflow per plant (`{tenantId}:plan:{plantCode}`). It waits for requests (signals
 * equipmentDown, equipmentUp, rushOrder, replan — or the request it was started with), lets a burst settle for
 * `debounceMs` (at most 4× that), then runs gather -> solve -> publish once for the whole burst, keeping the
 * frozen horizon of the current plan. A failed run is recorded (status query) and the workflow waits for the
 * next request; it never fails on a bad run. After `maxRunsPerExecution` runs, or when the server suggests it,
 * it continues as new carrying the requests still pending.
 */
export async function planProduction(rawInput: TPlanProductionInput): Promise<void> {
  const parsed = ZPlanProductionInput.safeParse(rawInput);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `invalid planProduction input: ${z.prettifyError(parsed.error)}`,
      FAILURE_TYPES.validation,
    );
  }
  const input = parsed.data;
  const { workflowId, runId } = workflowInfo();
  const pending: TPlanRequest[] = [...input.pending];
  const seen = new Set(pending.map((r) => r.requestId));
  let runs = 0;
  let state: TPlanProductionStatus['state'] = 'idle';
  let lastRun: TPlanProductionStatus['lastRun'] = input.lastRun;
  let lastError: string | null = null;

  const accept = (trigger: TPlanTrigger | null) => (raw: TPlanRequestInput) => {
    const r = ZPlanRequest.safeParse({ ...raw, ...(trigger ? { trigger } : {}) });
    if (!r.success) {
      log.warn('planProduction: ignored an invalid request', { issues: r.error.issues.length });
      return;
    }
    if (seen.has(r.data.requestId)) return;
    seen.add(r.data.requestId);
    pending.push(r.data);
  };
  setHandler(equipmentDownSignal, accept('equipment_down'));
  setHandler(equipmentUpSignal, accept('equipment_up'));
  setHandler(rushOrderSignal, accept('rush_order'));
  setHandler(replanSignal, accept(null));
  setHandler(planStatusQuery, () => ({
    plantId: input.plantId,
    runs: input.runsBefore + runs,
    state,
    pendingRequests: pending.length,
    lastRun,
    lastError,
  }));

  for (;;) {
    state = 'idle';
    await condition(() => pending.length > 0);
    state = 'debouncing';
    const burstStart = Date.now();
    let seenCount = pending.length;
    while (input.debounceMs > 0 && Date.now() - burstStart < input.debounceMs * 4) {
      const more = await condition(() => pending.length > seenCount, input.debounceMs);
      if (!more) break;
      seenCount = pending.length;
    }
    const batch = pending.splice(0, pending.length);
    const trigger =
      [...batch].sort((a, b) => URGENCY.indexOf(a.trigger) - URGENCY.indexOf(b.trigger))[0]?.trigger ??
      'replan';
    const timeLimitMs = Math.max(input.timeLimitMs, ...batch.map((r) => r.timeLimitMs ?? 0));
    const requestKey = `${runId}:${runs}`;
    state = 'solving';
    try {
      const solved = await solvePlan({
        tenantId: input.tenantId,
        plantId: input.plantId,
        requestKey,
        trigger,
        timeLimitMs,
        frozenMinutes: input.frozenMinutes,
        workflowId,
      });
      let published = false;
      if (input.autoPublish) {
        state = 'publishing';
        await publishPlanVersion({ tenantId: input.tenantId, planVersionId: solved.planVersionId });
        published = true;
      }
      lastRun = {
        planVersionId: solved.planVersionId,
        version: solved.version,
        published,
        requestIds: batch.map((r) => r.requestId),
        trigger,
        finishedAt: new Date(Date.now()).toISOString(),
      };
      lastError = null;
      log.info('plan run finished', {
        version: solved.version,
        trigger,
        requests: batch.length,
        solveMs: solved.solveMs,
      });
    } catch (err) {
      // Cancelling the workflow cancels the solve (the solver thread stops) and ends the workflow.
      if (isCancellation(err)) throw err;
      lastError =
        err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      log.error('plan run failed', { trigger, error: lastError });
    }
    runs++;
    if (runs >= input.maxRunsPerExecution || workflowInfo().continueAsNewSuggested) {
      state = 'idle';
      await continueAsNew<typeof planProduction>({
        ...input,
        pending: pending.splice(0, pending.length),
        runsBefore: input.runsBefore + runs,
        lastRun,
      });
    }
  }
}
