import type { TOrderLifecycleInput } from '@ingot/contracts';
import { planWorkflowsOf } from '../plan/plan-workflows.ts';

const LIFECYCLE_STATUSES: ReadonlySet<string> = new Set([
  'entered',
  'confirmed',
  'planned',
  'in_production',
  'quality_release',
  'ready',
]);

/** What a start or finish reports about the event it sent to the order's lifecycle workflow. */
export type TLifecycleNotice =
  | { sent: true; workflowId: string; eventId: string }
  | { sent: false; reason: string };

/**
 * Tells the order's orderLifecycle workflow that production started or finished an operation (signal-with-start at
 * the order's status). The shop-floor change stands whatever happens here: without a workflow server, or when the
 * signal fails, the answer says so. The event id is the operation's, so a retried call is harmless; the workflow
 * follows the order's status in the database, which this request's transaction has already moved.
 */
export async function notifyOrderLifecycle(
  ctx: object,
  input: {
    tenantId: string;
    orderId: string;
    orderNo: string;
    orderStatus: string;
    kind: 'operation_started' | 'operation_finished';
    operationId: string;
    actorUserId: string;
  },
): Promise<TLifecycleNotice> {
  const gateway = planWorkflowsOf(ctx);
  if (!gateway) return { sent: false, reason: 'no workflow server is configured' };
  if (!LIFECYCLE_STATUSES.has(input.orderStatus)) {
    return { sent: false, reason: `the order is ${input.orderStatus}` };
  }
  const eventId = `${input.kind}:${input.operationId}`;
  try {
    const { workflowId } = await gateway.orderEvent({
      tenantId: input.tenantId,
      orderId: input.orderId,
      orderNo: input.orderNo,
      status: input.orderStatus as TOrderLifecycleInput['status'],
      event: { eventId, kind: input.kind, operationId: input.operationId, actorUserId: input.actorUserId },
    });
    return { sent: true, workflowId, eventId };
  } catch (e) {
    return { sent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
