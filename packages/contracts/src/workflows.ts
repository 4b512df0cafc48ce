import { z } from 'zod';
import { ZProvisionTenantRequest } from './api.ts';

/** Temporal task queues; one per worker kind. */
export const TASK_QUEUES = { platform: 'ingot-platform' } as const;

/** Workflow type names (the exported function names in services/workflows). */
export const WORKFLOWS = { provisionTenant: 'provisionTenant' } as const;

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
