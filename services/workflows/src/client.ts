import {
  provisionTenantWorkflowId,
  TASK_QUEUES,
  type TProvisionTenantStatus,
  type TWorkflowStart,
  WORKFLOWS,
  ZProvisionTenantInput,
  ZProvisionTenantResult,
} from '@ingot/contracts';
import { Client, Connection, WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import type { z } from 'zod';
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
