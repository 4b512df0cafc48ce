import {
  LAB_QUERIES,
  LAB_SIGNALS,
  LAB_STEPS,
  type TLabInspectionInput,
  type TLabInspectionState,
  type TLabStepSignal,
  ZLabInspectionInput,
  ZLabStepSignal,
} from '@ingot/contracts';
import {
  ApplicationFailure,
  condition,
  defineQuery,
  defineSignal,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { z } from 'zod';
import type { Activities } from '../activities/index.ts';
import { FAILURE_TYPES } from './failure-types.ts';

const { recordAuditEvent, labRequestState } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
// The decision is signalled from inside the API's transaction: until it commits the activity finds no decision and
// fails, and the retry picks it up a moment later.
const { applyLabDecision } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 30,
  },
});

export const labStepSignal = defineSignal<[TLabStepSignal]>(LAB_SIGNALS.step);
export const labStateQuery = defineQuery<TLabInspectionState>(LAB_QUERIES.state);

/**
 * One per inspection request (`{tenantId}:lab:{requestNo}`). Follows the request through its steps — sampled,
 * received, results_entered, decided — as people complete them (signals; the database's status at start counts, so a
 * workflow started late catches up). A step that overruns its deadline sends a reminder, and at twice the deadline
 * an escalation (audit rows `lab.reminder` / `lab.escalation`, idempotent by workflow id and step). On the decision
 * it makes the lot follow it through the idempotent `applyLabDecision` activity, then ends.
 */
export async function labInspection(rawInput: TLabInspectionInput): Promise<TLabInspectionState> {
  const parsed = ZLabInspectionInput.safeParse(rawInput);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `invalid labInspection input: ${z.prettifyError(parsed.error)}`,
      FAILURE_TYPES.validation,
    );
  }
  const input = parsed.data;
  const { workflowId } = workflowInfo();
  let reached = -1;
  const state: TLabInspectionState = {
    requestId: input.requestId,
    requestNo: input.requestNo,
    step: null,
    waitingFor: LAB_STEPS[0],
    escalations: [],
    lotStatus: null,
  };
  const reach = (index: number) => {
    if (index <= reached) return;
    reached = index;
    state.step = LAB_STEPS[index] ?? null;
  };
  setHandler(labStepSignal, (raw) => {
    const s = ZLabStepSignal.safeParse(raw);
    if (s.success) reach(LAB_STEPS.indexOf(s.data.step));
    else log.warn('labInspection: ignored an invalid step signal');
  });
  setHandler(labStateQuery, () => state);

  const db = await labRequestState({ tenantId: input.tenantId, requestId: input.requestId });
  reach(db.reached);

  const last = LAB_STEPS.length - 1;
  while (reached < last) {
    const before = reached;
    const step = LAB_STEPS[before + 1] as (typeof LAB_STEPS)[number];
    state.waitingFor = step;
    const deadline = input.deadlines[step];
    for (const level of ['reminder', 'escalation'] as const) {
      if (await condition(() => reached > before, deadline)) break;
      await recordAuditEvent({
        tenantId: input.tenantId,
        key: `${workflowId}:${step}:${level}`,
        action: `lab.${level}`,
        targetType: 'inspection_request',
        targetId: input.requestId,
        requestedBy: 'workflow:labInspection',
        details: { requestNo: input.requestNo, step, overdueMs: deadline * (level === 'reminder' ? 1 : 2) },
      });
      state.escalations.push(`${step}:${level}`);
    }
    await condition(() => reached > before);
  }
  state.waitingFor = null;
  const applied = await applyLabDecision({
    tenantId: input.tenantId,
    requestId: input.requestId,
    key: workflowId,
  });
  state.lotStatus = applied.lotStatus;
  return state;
}
