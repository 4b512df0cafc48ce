import {
  LAB_INSPECTION_WORKFLOW,
  LAB_QUERIES,
  LAB_SIGNALS,
  labInspectionWorkflowId,
  TASK_QUEUES,
  type TLabDeadlines,
  type TLabInspectionState,
  type TLabStepSignal,
  type TLabWorkflowGateway,
  type TWorkflowStart,
  ZLabInspectionInput,
  ZLabStepSignal,
} from '@ingot/contracts';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { labInspection } from './workflows/lab-inspection.ts';

export interface TLabWorkflowOptions {
  /** Tests run workers on queues of their own. */
  taskQueue?: string;
  /** Step deadlines of workflows started by this client (default: ZLabDeadlines). */
  deadlines?: Partial<TLabDeadlines>;
}

function startArgs(
  input: { tenantId: string; requestId: string; requestNo: string },
  options: TLabWorkflowOptions,
) {
  return ZLabInspectionInput.parse({
    tenantId: input.tenantId,
    requestId: input.requestId,
    requestNo: input.requestNo,
    ...(options.deadlines ? { deadlines: options.deadlines } : {}),
  });
}

/** Starts the request's labInspection workflow; an already running one is kept (USE_EXISTING). */
export async function startLabInspection(
  client: Client,
  input: { tenantId: string; requestId: string; requestNo: string },
  options: TLabWorkflowOptions = {},
): Promise<TWorkflowStart> {
  const workflowId = labInspectionWorkflowId(input.tenantId, input.requestNo);
  const handle = await client.workflow.start<typeof labInspection>(LAB_INSPECTION_WORKFLOW, {
    taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
    workflowId,
    args: [startArgs(input, options)],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
  return { workflowId, runId: handle.firstExecutionRunId };
}

/** Signals a step (signal-with-start: a request whose workflow never started gets one now). */
export async function signalLabStep(
  client: Client,
  input: {
    tenantId: string;
    requestId: string;
    requestNo: string;
    step: TLabStepSignal['step'];
    actorUserId?: string | null;
  },
  options: TLabWorkflowOptions = {},
): Promise<TWorkflowStart> {
  const signal = ZLabStepSignal.parse({ step: input.step, actorUserId: input.actorUserId ?? null });
  const workflowId = labInspectionWorkflowId(input.tenantId, input.requestNo);
  const handle = await client.workflow.signalWithStart<typeof labInspection, [TLabStepSignal]>(
    LAB_INSPECTION_WORKFLOW,
    {
      taskQueue: options.taskQueue ?? TASK_QUEUES.platform,
      workflowId,
      args: [startArgs(input, options)],
      signal: LAB_SIGNALS.step,
      signalArgs: [signal],
    },
  );
  return { workflowId, runId: handle.signaledRunId };
}

/** The workflow's state (its query), or null when none ran for the request. */
export async function getLabInspectionState(
  client: Client,
  tenantId: string,
  requestNo: string,
): Promise<TLabInspectionState | null> {
  try {
    return await client.workflow
      .getHandle<typeof labInspection>(labInspectionWorkflowId(tenantId, requestNo))
      .query<TLabInspectionState>(LAB_QUERIES.state);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** The API's view of the lab workflows (TLabWorkflowGateway), bound to a client, task queue and deadlines. */
export function createLabWorkflows(client: Client, options: TLabWorkflowOptions = {}): TLabWorkflowGateway {
  return {
    startInspection: (input) => startLabInspection(client, input, options),
    signalInspection: async (input) => {
      await signalLabStep(client, input, options);
    },
  };
}
