import type { TPlanSignalName, TPlanTrigger, TPlanWorkflowGateway } from '@ingot/contracts';
import { TRPCError } from '@trpc/server';

/**
 * The planning workflows as the tRPC context carries them (`ctx.planWorkflows`, put there by the portal from
 * `createPlanWorkflows` of @ingot/workflows/client), or null when no Temporal server is configured.
 * Takes any context-like object (the shop-floor procedures call it too).
 */
export function planWorkflowsOf(ctx: object): TPlanWorkflowGateway | null {
  return (ctx as { planWorkflows?: TPlanWorkflowGateway | null }).planWorkflows ?? null;
}

export function requirePlanWorkflows(ctx: object): TPlanWorkflowGateway {
  const gateway = planWorkflowsOf(ctx);
  if (!gateway) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: 'planning runs are unavailable: no workflow server is configured',
    });
  }
  return gateway;
}

/** What a mutation that asks for a replan reports about that request. */
export type TReplanRequest =
  | { requested: true; workflowId: string; requestId: string }
  | { requested: false; reason: string };

/**
 * Signals the plant's planning workflow after a change the plan must follow (downtime, rush order). The change
 * itself stands even when the signal cannot be sent (no workflow server, or it is down): the answer says so and
 * the next run picks the change up. The workflow waits `debounceMs` before gathering, by which time this
 * request's transaction has committed.
 */
export async function signalReplan(
  ctx: object,
  input: {
    tenantId: string;
    plantId: string;
    plantCode: string;
    signal: TPlanSignalName;
    trigger: TPlanTrigger;
    requestId: string;
    requestedBy: string | null;
    equipmentId?: string;
    orderId?: string;
  },
): Promise<TReplanRequest> {
  const gateway = planWorkflowsOf(ctx);
  if (!gateway) return { requested: false, reason: 'no workflow server is configured' };
  try {
    const { workflowId } = await gateway.requestPlan({
      tenantId: input.tenantId,
      plantId: input.plantId,
      plantCode: input.plantCode,
      signal: input.signal,
      request: {
        requestId: input.requestId,
        trigger: input.trigger,
        requestedBy: input.requestedBy,
        ...(input.equipmentId ? { equipmentId: input.equipmentId } : {}),
        ...(input.orderId ? { orderId: input.orderId } : {}),
      },
    });
    return { requested: true, workflowId, requestId: input.requestId };
  } catch (e) {
    return { requested: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
