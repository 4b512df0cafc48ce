import type { TLabStep, TLabWorkflowGateway } from '@ingot/contracts';

/** What a lab mutation reports about the request's labInspection workflow. */
export type TLabWorkflowNotice = { sent: true; workflowId: string } | { sent: false; reason: string };

/** The part of the request context these notices need (the lab workflows, absent without Temporal). */
type TLabWorkflowContext = { labWorkflows: TLabWorkflowGateway | null };

/**
 * Starts (step null) or signals the request's labInspection workflow. The database change stands whatever happens
 * here — the DB state machine is authoritative, the workflow adds reminders, escalation and the idempotent lot
 * release; without a workflow server, or when the call fails, the answer says so.
 */
export async function notifyLabWorkflow(
  ctx: TLabWorkflowContext,
  input: {
    tenantId: string;
    requestId: string;
    requestNo: string;
    step: TLabStep | null;
    actorUserId: string;
  },
): Promise<TLabWorkflowNotice> {
  const gateway = ctx.labWorkflows;
  if (!gateway) return { sent: false, reason: 'no workflow server is configured' };
  const ids = { tenantId: input.tenantId, requestId: input.requestId, requestNo: input.requestNo };
  try {
    if (input.step === null) {
      const { workflowId } = await gateway.startInspection(ids);
      return { sent: true, workflowId };
    }
    await gateway.signalInspection({ ...ids, step: input.step, actorUserId: input.actorUserId });
    return { sent: true, workflowId: `${input.tenantId}:lab:${input.requestNo}` };
  } catch (e) {
    return { sent: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** Starts the workflows of requests raised elsewhere (the shop floor's finish): one notice per request. */
export async function startLabWorkflows(
  ctx: TLabWorkflowContext,
  tenantId: string,
  actorUserId: string,
  requests: ReadonlyArray<{ id: string; requestNo: string }>,
): Promise<TLabWorkflowNotice[]> {
  return Promise.all(
    requests.map((r) =>
      notifyLabWorkflow(ctx, { tenantId, requestId: r.id, requestNo: r.requestNo, step: null, actorUserId }),
    ),
  );
}
