import {
  ORDER_LIFECYCLE_QUERIES,
  ORDER_LIFECYCLE_SIGNALS,
  type TOrderLifecycleEvent,
  type TOrderLifecycleEventInput,
  type TOrderLifecycleInput,
  type TOrderLifecycleState,
  ZOrderLifecycleEvent,
  ZOrderLifecycleInput,
} from '@ingot/contracts';
import {
  ApplicationFailure,
  condition,
  continueAsNew,
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

const { advanceOrderStatus, orderProductionState } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export const orderEventSignal = defineSignal<[TOrderLifecycleEventInput]>(ORDER_LIFECYCLE_SIGNALS.event);
export const orderStateQuery = defineQuery<TOrderLifecycleState>(ORDER_LIFECYCLE_QUERIES.state);

type TStatus = TOrderLifecycleState['status'];
const FLOW = ['entered', 'confirmed', 'planned', 'in_production', 'quality_release', 'ready', 'shipped'];
const before = (status: TStatus, than: string) => FLOW.indexOf(status) < FLOW.indexOf(than);

/**
 * One per sales order (`{tenantId}:order:{orderNo}`), advanced by `orderEvent` signals: confirmed, planned,
 * operation_started (-> in production), operation_finished (-> quality release once every operation of the order
 * is done), quality_released (-> ready), shipped (-> shipped, ends), partially_shipped (recorded, stays ready),
 * cancelled (before production only, ends). Each change goes through the advanceOrderStatus activity (idempotent
 * by workflow id + event id); events that do not fit the current status are kept in `ignored`, never applied.
 */
export async function orderLifecycle(rawInput: TOrderLifecycleInput): Promise<TOrderLifecycleState> {
  const parsed = ZOrderLifecycleInput.safeParse(rawInput);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `invalid orderLifecycle input: ${z.prettifyError(parsed.error)}`,
      FAILURE_TYPES.validation,
    );
  }
  const input = parsed.data;
  const { workflowId } = workflowInfo();
  const queue: TOrderLifecycleEvent[] = [];
  const seen = new Set(input.seenEventIds);
  const state: TOrderLifecycleState = {
    orderId: input.orderId,
    orderNo: input.orderNo,
    status: input.status,
    history: [],
    ignored: [],
  };
  setHandler(orderEventSignal, (raw) => {
    const e = ZOrderLifecycleEvent.safeParse(raw);
    if (e.success) queue.push(e.data);
    else log.warn('orderLifecycle: ignored an invalid event');
  });
  setHandler(orderStateQuery, () => state);

  const target = async (e: TOrderLifecycleEvent): Promise<TStatus | null> => {
    const s = state.status;
    switch (e.kind) {
      case 'confirmed':
        return s === 'entered' ? 'confirmed' : null;
      case 'planned':
        return s === 'entered' || s === 'confirmed' ? 'planned' : null;
      case 'operation_started':
        return before(s, 'in_production') ? 'in_production' : null;
      case 'operation_finished': {
        if (!before(s, 'quality_release')) return null;
        const production = await orderProductionState({ tenantId: input.tenantId, orderId: input.orderId });
        if (production.allDone) return 'quality_release';
        return s === 'in_production' ? null : 'in_production';
      }
      case 'quality_released':
        return s === 'quality_release' ? 'ready' : null;
      case 'shipped':
        return s === 'ready' ? 'shipped' : null;
      case 'cancelled':
        return ['entered', 'confirmed', 'planned'].includes(s) ? 'cancelled' : null;
      default:
        return null;
    }
  };

  while (state.status !== 'shipped' && state.status !== 'cancelled') {
    await condition(() => queue.length > 0);
    const e = queue.shift() as TOrderLifecycleEvent;
    if (seen.has(e.eventId)) continue;
    seen.add(e.eventId);
    const to = await target(e);
    if (!to) {
      if (
        e.kind !== 'partially_shipped' &&
        e.kind !== 'operation_started' &&
        e.kind !== 'operation_finished'
      ) {
        state.ignored.push({ eventId: e.eventId, kind: e.kind, status: state.status });
      }
      continue;
    }
    const result = await advanceOrderStatus({
      tenantId: input.tenantId,
      orderId: input.orderId,
      to: to as 'planned',
      kind: `lifecycle_${e.kind}`,
      key: `${workflowId}:${e.eventId}`,
      actorUserId: e.actorUserId,
    });
    // The database may already be further along (e.g. publishing a plan moved it to planned): follow it.
    const next = FLOW.includes(result.status) && !before(result.status, to) ? result.status : to;
    state.history.push({ from: state.status, to: next, eventId: e.eventId });
    state.status = next;
    if (workflowInfo().continueAsNewSuggested && queue.length === 0) {
      await continueAsNew<typeof orderLifecycle>({
        ...input,
        status: state.status as TOrderLifecycleInput['status'],
        seenEventIds: [...seen].slice(-500),
      });
    }
  }
  return state;
}
