import type { TOrderLifecycleEventInput, TOrderLifecycleInput } from '@ingot/contracts';
import { planWorkflowsOf } from '../plan/plan-workflows.ts';

const LIFECYCLE_STATUSES: ReadonlySet<string> = new Set([
  'entered',
  'confirmed',
  'planned',
  'in_production',
  'quality_release',
  'ready',
]);

/** What a mutation reports about the event it sent to the order's lifecycle workflow. */
export type TLifecycleNotice =
  | { sent: true; workflowId: string; eventId: string }
  | { sent: false; reason: string };

/** The status a lifecycle workflow that does not run yet is started at, for an order now in `status`. */
function startStatusOf(status: string): TOrderLifecycleInput['status'] {
  if (LIFECYCLE_STATUSES.has(status)) return status as TOrderLifecycleInput['status'];
  // Shipping ends a `ready` order; a cancelled order may have been anywhere before, `entered` is enough to end it.
  return status === 'shipped' ? 'ready' : 'entered';
}

/**
 * Tells the order's orderLifecycle workflow what happened (signal-with-start): confirmation, production reports,
 * shipments, cancellation. The change itself stands whatever happens here: without a workflow server, or when the
 * signal fails, the answer says so. Event ids are derived from what happened (the operation, the shipment, the
 * order for a confirmation), so a retried call is harmless; the workflow follows the order's status in the
 * database, which the request's transaction has already moved.
 */
export async function notifyOrderLifecycle(
  ctx: object,
  input: {
    tenantId: string;
    orderId: string;
    orderNo: string;
    /** The order's status after the change. */
    orderStatus: string;
    event: Omit<TOrderLifecycleEventInput, 'actorUserId'>;
    actorUserId: string;
  },
): Promise<TLifecycleNotice> {
  const gateway = planWorkflowsOf(ctx);
  if (!gateway) return { sent: false, reason: 'no workflow server is configured' };
  try {
    const { workflowId } = await gateway.orderEvent({
      tenantId: input.tenantId,
      orderId: input.orderId,
      orderNo: input.orderNo,
      status: startStatusOf(input.orderStatus),
      event: { ...input.event, actorUserId: input.actorUserId },
    });
    return { sent: true, workflowId, eventId: input.event.eventId };
  } catch (e) {
    return { sent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
