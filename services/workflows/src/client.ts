import {
  ORDER_LIFECYCLE_SIGNALS,
  orderLifecycleWorkflowId,
  planProductionWorkflowId,
  provisionTenantWorkflowId,
  TASK_QUEUES,
  type TOrderLifecycleEventInput,
  type TOrderLifecycleStartInput,
  type TOrderLifecycleState,
  type TPlanProductionStartInput,
  type TPlanProductionStatus,
  type TPlanRequestInput,
  type TPlanSignalName,
  type TPlanWorkflowGateway,
  type TProvisionTenantStatus,
  type TWorkflowStart,
  WORKFLOWS,
  ZOrderLifecycleEvent,
  ZOrderLifecycleInput,
  ZPlanProductionInput,
  ZPlanRequest,
  ZProvisionTenantInput,
  ZProvisionTenantResult,
} from '@ingot/contracts';
import { Client, Connection, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import type { z } from 'zod';
import { type orderLifecycle, orderStateQuery } from './workflows/order-lifecycle.ts';
import { type planProduction, planStatusQuery } from './workflows/plan-production.ts';
import type { provisionTenant } from './workflows/provision-tenant.ts';

/** What callers pass: the request as the portal sends it (defaults not yet applied) plus who asked. */
export type TProvisionTenantStartInput = z.input<typeof ZProvisionTenantInput>;

/** Connect to Temporal (e.g. TEMPORAL_ADDRESS = 127.0.0.1:17233). Close with `client.connection.close()`. */
export async function createTemporalClient(
  address: string,
  options: { namespace?: string } = {},
): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace: options.namespace ?? 'default' });
}

/**
 * Start provisionTenant for the slug. The workflow id is derived from the slug: a start while a run is in
 * progress attaches to it (USE_EXISTING) and returns its run id; a start after a run closed begins a new run,
 * which reaches the same rows (every activity is idempotent by key). Throws a ZodError on invalid input.
 * `options.taskQueue` is for tests, which run a worker on a queue of their own.
 */
export async function startProvisionTenant(
  client: Client,
  input: TProvisionTenantStartInput,
  options: { taskQueue?: string } = {},
): Promise<TWorkflowStart> {
  const args = ZProvisionTenantInput.parse(input);
  const workflowId = provisionTenantWorkflowId(args.slug);
  const handle = await client.workflow.start<typeof provisionTenant>(WORKFLOWS.provisionTenant, {
    taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
    workflowId,
    args: [args],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
  return { workflowId, runId: handle.firstExecutionRunId };
}

/** The latest run of provisionTenant for the slug, for the platform portal. */
export async function getProvisionTenantStatus(
  client: Client,
  slug: string,
): Promise<TProvisionTenantStatus> {
  const workflowId = provisionTenantWorkflowId(slug);
  const handle = client.workflow.getHandle<typeof provisionTenant>(workflowId);
  let description: Awaited<ReturnType<typeof handle.describe>>;
  try {
    description = await handle.describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return { status: 'not_found', workflowId };
    throw err;
  }
  const { runId, startTime: startedAt, closeTime: closedAt } = description;
  const status = description.status.name;
  if (status === 'RUNNING' || status === 'CONTINUED_AS_NEW') {
    return { status: 'running', workflowId, runId, startedAt };
  }
  // Read the outcome of this very run, not of a run started after describe().
  const run = client.workflow.getHandle<typeof provisionTenant>(workflowId, runId, { followRuns: false });
  if (status === 'COMPLETED') {
    const result = ZProvisionTenantResult.parse(await run.result());
    return { status: 'completed', workflowId, runId, startedAt, closedAt, result };
  }
  let error = status.toLowerCase();
  try {
    await run.result();
  } catch (err) {
    error = describeFailure(err);
  }
  return { status: 'failed', workflowId, runId, startedAt, closedAt, reason: status, error };
}

function describeFailure(err: unknown): string {
  if (err instanceof WorkflowFailedError) {
    return err.cause?.message ?? err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------------------
// Planning and order life cycle.

export interface TPlanWorkflowOptions {
  /** Tests run workers on queues of their own. */
  taskQueue?: string;
  /** Defaults of a planProduction started by this call (a running one keeps its own). */
  defaults?: Partial<
    Pick<
      TPlanProductionStartInput,
      'timeLimitMs' | 'frozenMinutes' | 'debounceMs' | 'autoPublish' | 'maxRunsPerExecution'
    >
  >;
}

/**
 * Ask the plant's planProduction workflow for a new plan: signal-with-start, so the first request of a plant
 * starts its workflow (id `{tenantId}:plan:{plantCode}`) and later ones join the running one.
 */
export async function requestPlan(
  client: Client,
  input: {
    tenantId: string;
    plantId: string;
    plantCode: string;
    signal: TPlanSignalName;
    request: TPlanRequestInput;
  },
  options: TPlanWorkflowOptions = {},
): Promise<TWorkflowStart> {
  const request = ZPlanRequest.parse(input.request);
  const args = ZPlanProductionInput.parse({
    tenantId: input.tenantId,
    plantId: input.plantId,
    plantCode: input.plantCode,
    ...options.defaults,
  });
  const workflowId = planProductionWorkflowId(input.tenantId, input.plantCode);
  const handle = await client.workflow.signalWithStart<typeof planProduction, [TPlanRequestInput]>(
    WORKFLOWS.planProduction,
    {
      taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
      workflowId,
      args: [args],
      signal: input.signal,
      signalArgs: [request],
    },
  );
  return { workflowId, runId: handle.signaledRunId };
}

/** The plant's planning workflow state (its query), or null when it never ran or has closed. */
export async function getPlanProductionStatus(
  client: Client,
  tenantId: string,
  plantCode: string,
): Promise<TPlanProductionStatus | null> {
  try {
    const handle = client.workflow.getHandle<typeof planProduction>(
      planProductionWorkflowId(tenantId, plantCode),
    );
    // A closed run (terminated, failed) is answered only by a worker of its old task queue, which may be long gone:
    // only a running workflow is asked; otherwise the plant's planning is idle.
    if ((await handle.describe()).status.name !== 'RUNNING') return null;
    return await handle.query(planStatusQuery);
  } catch (err) {
    if (
      err instanceof WorkflowNotFoundError ||
      (err instanceof Error && /not found|closed|completed/i.test(err.message))
    )
      return null;
    throw err;
  }
}

/** Send an event to the order's orderLifecycle workflow (signal-with-start at the order's current status). */
export async function sendOrderEvent(
  client: Client,
  input: {
    tenantId: string;
    orderId: string;
    orderNo: string;
    status?: TOrderLifecycleStartInput['status'];
    event: TOrderLifecycleEventInput;
  },
  options: { taskQueue?: string } = {},
): Promise<TWorkflowStart> {
  const event = ZOrderLifecycleEvent.parse(input.event);
  const args = ZOrderLifecycleInput.parse({
    tenantId: input.tenantId,
    orderId: input.orderId,
    orderNo: input.orderNo,
    ...(input.status ? { status: input.status } : {}),
  });
  const workflowId = orderLifecycleWorkflowId(input.tenantId, input.orderNo);
  const handle = await client.workflow.signalWithStart<typeof orderLifecycle, [TOrderLifecycleEventInput]>(
    WORKFLOWS.orderLifecycle,
    {
      taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
      workflowId,
      args: [args],
      signal: ORDER_LIFECYCLE_SIGNALS.event,
      signalArgs: [event],
    },
  );
  return { workflowId, runId: handle.signaledRunId };
}

/** The order workflow's state (query), or null when none runs for the order. */
export async function getOrderLifecycleState(
  client: Client,
  tenantId: string,
  orderNo: string,
): Promise<TOrderLifecycleState | null> {
  try {
    return await client.workflow
      .getHandle<typeof orderLifecycle>(orderLifecycleWorkflowId(tenantId, orderNo))
      .query(orderStateQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** The API's view of the planning workflows (TPlanWorkflowGateway), bound to a client and task queue. */
export function createPlanWorkflows(
  client: Client,
  options: TPlanWorkflowOptions = {},
): TPlanWorkflowGateway {
  return {
    requestPlan: (input) => requestPlan(client, input, options),
    planStatus: ({ tenantId, plantCode }) => getPlanProductionStatus(client, tenantId, plantCode),
    orderEvent: (input) =>
      sendOrderEvent(client, input, options.taskQueue ? { taskQueue: options.taskQueue } : {}),
  };
}

export * from './lab-inspection-client.ts';
