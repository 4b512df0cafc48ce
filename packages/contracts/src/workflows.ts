import { z } from 'zod';
import { ZProvisionTenantRequest } from './api.ts';
import { ZPlanTrigger } from './planning.ts';

/** Temporal task queues; one per worker kind. */
export const TASK_QUEUES = { platform: 'ingot-platform' } as const;

/** Workflow type names (the exported function names in services/workflows). */
export const WORKFLOWS = {
  provisionTenant: 'provisionTenant',
  planProduction: 'planProduction',
  orderLifecycle: 'orderLifecycle',
} as const;

/**
 * provisionTenant input. The tenant id is derived from the slug (see tenantIdForSlug in @ingot/db), so a
 * second run with the same slug reaches the same rows. The platform "tenant" field of the convention
 * ("tenant is the first field of every workflow input") is the slug here, since the tenant does not exist yet.
 */
export const ZProvisionTenantInput = ZProvisionTenantRequest.extend({
  requestedBy: z.string().min(1, 'requestedBy is required'),
});
export type TProvisionTenantInput = z.infer<typeof ZProvisionTenantInput>;

export const ZProvisionTenantResult = z.object({
  tenantId: z.uuid(),
  plantId: z.uuid(),
  adminUserId: z.uuid(),
  membershipId: z.uuid(),
});
export type TProvisionTenantResult = z.infer<typeof ZProvisionTenantResult>;

/** Workflow ids come from business keys, so a second start with the same slug finds the first. */
export function provisionTenantWorkflowId(slug: string): string {
  return `platform:provision-tenant:${slug}`;
}

/** A started (or attached-to) workflow run. */
export interface TWorkflowStart {
  workflowId: string;
  runId: string;
}

/** The latest provisionTenant run for a slug, as the portal shows it. */
export type TProvisionTenantStatus =
  | { status: 'not_found'; workflowId: string }
  | { status: 'running'; workflowId: string; runId: string; startedAt: Date }
  | {
      status: 'completed';
      workflowId: string;
      runId: string;
      startedAt: Date;
      closedAt: Date | undefined;
      result: TProvisionTenantResult;
    }
  | {
      status: 'failed';
      workflowId: string;
      runId: string;
      startedAt: Date;
      closedAt: Date | undefined;
      /** How the run ended: FAILED, TERMINATED, CANCELLED or TIMED_OUT. */
      reason: string;
      error: string;
    };

// ---------------------------------------------------------------------------------------------------------
// planProduction: one long-running workflow per plant that (re)plans, solves in a heartbeating activity and
// publishes. Signals ask for a new plan; bursts of them are debounced into one run.

/** Signal names of planProduction (the workflow defines them with these names). */
export const PLAN_SIGNALS = {
  equipmentDown: 'equipmentDown',
  equipmentUp: 'equipmentUp',
  rushOrder: 'rushOrder',
  replan: 'replan',
} as const;
export type TPlanSignalName = (typeof PLAN_SIGNALS)[keyof typeof PLAN_SIGNALS];

/** Query names of planProduction. */
export const PLAN_QUERIES = { status: 'planStatus' } as const;

/** One request for a new plan, as a signal carries it. `requestId` makes a repeated signal harmless. */
export const ZPlanRequest = z.object({
  requestId: z.string().min(1, 'requestId is required').max(200),
  trigger: ZPlanTrigger,
  /** The user who asked, when a person did. */
  requestedBy: z.string().max(200).nullable().default(null),
  equipmentId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  /** Solver budget for this run (the workflow's default otherwise). */
  timeLimitMs: z.number().int().min(200).max(300_000).optional(),
});
export type TPlanRequest = z.infer<typeof ZPlanRequest>;
export type TPlanRequestInput = z.input<typeof ZPlanRequest>;

export const ZPlanProductionInput = z.object({
  tenantId: z.uuid(),
  plantId: z.uuid(),
  plantCode: z.string().min(1),
  /** Solver budget per run. */
  timeLimitMs: z.number().int().min(200).max(300_000).default(4_000),
  /** Operations of the current plan starting within this many minutes keep machine and start. */
  frozenMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(240),
  /** Signals arriving within this window after the first one are planned together. */
  debounceMs: z.number().int().min(0).max(60_000).default(500),
  /** Publish each solved plan (a planner's draft-only runs set false). */
  autoPublish: z.boolean().default(true),
  /** Runs per workflow execution before continue-as-new (keeps the history short). */
  maxRunsPerExecution: z.number().int().min(1).max(1_000).default(25),
  /** Requests carried over a continue-as-new (and the first request of a start). */
  pending: z.array(ZPlanRequest).default([]),
  /** Runs done by earlier executions of this workflow id (for the status query). */
  runsBefore: z.number().int().min(0).default(0),
  /** The last run of the earlier execution, so the status query never loses it across a continue-as-new. */
  lastRun: z
    .object({
      planVersionId: z.string(),
      version: z.number().int(),
      published: z.boolean(),
      requestIds: z.array(z.string()),
      trigger: z.string(),
      finishedAt: z.string(),
    })
    .nullable()
    .default(null),
});
export type TPlanProductionInput = z.infer<typeof ZPlanProductionInput>;
export type TPlanProductionStartInput = z.input<typeof ZPlanProductionInput>;

/** One plan per plant: `{tenantId}:plan:{plantCode}`. */
export function planProductionWorkflowId(tenantId: string, plantCode: string): string {
  return `${tenantId}:plan:${plantCode}`;
}

/** What planStatus answers (and what the portal shows of the planning workflow). */
export interface TPlanProductionStatus {
  plantId: string;
  /** Runs (gather -> solve -> publish) finished, over every execution of the workflow id. */
  runs: number;
  state: 'idle' | 'debouncing' | 'solving' | 'publishing';
  pendingRequests: number;
  lastRun: {
    planVersionId: string;
    version: number;
    published: boolean;
    requestIds: string[];
    trigger: string;
    finishedAt: string;
  } | null;
  lastError: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// orderLifecycle: one per sales order, advanced by events; ends when the order is shipped or cancelled.

export const ORDER_LIFECYCLE_SIGNALS = { event: 'orderEvent' } as const;
export const ORDER_LIFECYCLE_QUERIES = { state: 'orderState' } as const;

export const ORDER_EVENT_KINDS = [
  'confirmed',
  'planned',
  'operation_started',
  'operation_finished',
  'quality_released',
  'partially_shipped',
  'shipped',
  'cancelled',
] as const;
export const ZOrderEventKind = z.enum(ORDER_EVENT_KINDS);
export type TOrderEventKind = z.infer<typeof ZOrderEventKind>;

export const ZOrderLifecycleEvent = z.object({
  /** Idempotency key: an event id seen before is ignored. */
  eventId: z.string().min(1).max(200),
  kind: ZOrderEventKind,
  operationId: z.uuid().optional(),
  shipmentId: z.uuid().optional(),
  actorUserId: z.string().max(200).nullable().default(null),
});
export type TOrderLifecycleEvent = z.infer<typeof ZOrderLifecycleEvent>;
export type TOrderLifecycleEventInput = z.input<typeof ZOrderLifecycleEvent>;

export const ZOrderLifecycleInput = z.object({
  tenantId: z.uuid(),
  orderId: z.uuid(),
  orderNo: z.string().min(1),
  /** The status the order has when the workflow starts (or continues as new). */
  status: z
    .enum(['entered', 'confirmed', 'planned', 'in_production', 'quality_release', 'ready'])
    .default('entered'),
  /** Event ids already applied (carried over a continue-as-new). */
  seenEventIds: z.array(z.string()).default([]),
});
export type TOrderLifecycleInput = z.infer<typeof ZOrderLifecycleInput>;
export type TOrderLifecycleStartInput = z.input<typeof ZOrderLifecycleInput>;

/** One per order: `{tenantId}:order:{orderNo}`. */
export function orderLifecycleWorkflowId(tenantId: string, orderNo: string): string {
  return `${tenantId}:order:${orderNo}`;
}

export interface TOrderLifecycleState {
  orderId: string;
  orderNo: string;
  status: string;
  /** Status changes the workflow made, oldest first. */
  history: { from: string; to: string; eventId: string }[];
  /** Events that did not fit the current status (kept for the timeline, not applied). */
  ignored: { eventId: string; kind: string; status: string }[];
}

/**
 * What the API needs of the planning workflows (services/workflows implements it with `createPlanWorkflows`;
 * the portal puts it on the tRPC context as `planWorkflows`).
 */
export interface TPlanWorkflowGateway {
  /** Signal the plant's planProduction workflow (starting it if it does not run). */
  requestPlan(input: {
    tenantId: string;
    plantId: string;
    plantCode: string;
    signal: TPlanSignalName;
    request: TPlanRequestInput;
  }): Promise<TWorkflowStart>;
  /** The plant's planning workflow status, or null when none has run. */
  planStatus(input: { tenantId: string; plantCode: string }): Promise<TPlanProductionStatus | null>;
  /** Signal the order's orderLifecycle workflow (starting it at `status` if it does not run). */
  orderEvent(input: {
    tenantId: string;
    orderId: string;
    orderNo: string;
    status: TOrderLifecycleInput['status'];
    event: TOrderLifecycleEventInput;
  }): Promise<TWorkflowStart>;
}
