import type { TPlanWorkflowGateway } from '@ingot/contracts';

type TPlanRequest = Parameters<TPlanWorkflowGateway['requestPlan']>[0];
type TOrderEvent = Parameters<TPlanWorkflowGateway['orderEvent']>[0];

/**
 * Stands in for the Temporal client at the API's boundary and records what the API asks of the planning and order
 * workflows, in call order (tests that need the real workflows run them in services/workflows against Temporal).
 * Workflow ids follow the real business keys; no workflow has run, so the planning status is idle.
 */
export function recordingPlanGateway() {
  const calls: Array<
    { call: 'requestPlan'; input: TPlanRequest } | { call: 'orderEvent'; input: TOrderEvent }
  > = [];
  const signals: TPlanRequest[] = [];
  const orderEvents: TOrderEvent[] = [];
  const gateway: TPlanWorkflowGateway = {
    async requestPlan(input) {
      calls.push({ call: 'requestPlan', input });
      signals.push(input);
      return { workflowId: `${input.tenantId}:plan:${input.plantCode}`, runId: 'run-1' };
    },
    async planStatus() {
      return null;
    },
    async orderEvent(input) {
      calls.push({ call: 'orderEvent', input });
      orderEvents.push(input);
      return { workflowId: `${input.tenantId}:order:${input.orderNo}`, runId: 'run-1' };
    },
  };
  /** Every call in order, and the planning signals and order events on their own. */
  return { gateway, calls, signals, orderEvents };
}
