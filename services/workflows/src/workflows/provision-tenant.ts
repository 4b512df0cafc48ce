import {
  type TProvisionTenantInput,
  type TProvisionTenantResult,
  ZProvisionTenantInput,
  ZProvisionTenantResult,
} from '@ingot/contracts';
import { ApplicationFailure, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import type { Activities } from '../activities/index.ts';
import { FAILURE_TYPES } from './failure-types.ts';

/**
 * Every activity here is one short database transaction, idempotent by key, so a retry (after a timeout, a
 * crashed worker or a lost connection) is always safe. startToClose is short on purpose: it is also how long
 * the server waits before handing the activity of a crashed worker to another one.
 */
const { createTenant, createFirstPlant, ensureAdminMembership, recordAuditEvent } =
  proxyActivities<Activities>({
    startToCloseTimeout: '10 seconds',
    scheduleToCloseTimeout: '10 minutes',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '30 seconds',
      nonRetryableErrorTypes: [FAILURE_TYPES.validation, FAILURE_TYPES.conflict],
    },
  });

/**
 * Create a tenant with its first plant and its first administrator. The workflow id is
 * provisionTenantWorkflowId(slug) and the tenant id is derived from the slug, so running it again (or resuming it
 * on another worker after a crash) reaches the same rows instead of creating new ones.
 */
export async function provisionTenant(rawInput: TProvisionTenantInput): Promise<TProvisionTenantResult> {
  const parsed = ZProvisionTenantInput.safeParse(rawInput);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(
      `invalid provisionTenant input: ${z.prettifyError(parsed.error)}`,
      FAILURE_TYPES.validation,
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    );
  }
  const input = parsed.data;
  const { workflowId, runId } = workflowInfo();

  const { tenantId } = await createTenant({
    slug: input.slug,
    name: input.name,
    kind: input.kind,
    defaultLocale: input.defaultLocale,
  });
  const { plantId } = await createFirstPlant({
    tenantId,
    code: input.firstPlant.code,
    name: input.firstPlant.name,
    timezone: input.firstPlant.timezone,
  });
  const { userId, membershipId } = await ensureAdminMembership({
    tenantId,
    email: input.admin.email,
    displayName: input.admin.displayName,
  });
  // One audit event per run: a retry of this activity (or of the whole run after a crash) finds the same key,
  // a later re-run with the same slug is a new request by someone and is recorded as such.
  await recordAuditEvent({
    tenantId,
    key: `${workflowId}:${runId}`,
    action: 'tenant.provision',
    targetType: 'tenant',
    targetId: tenantId,
    requestedBy: input.requestedBy,
    details: { slug: input.slug, plantId, adminUserId: userId, membershipId, workflowId, runId },
  });

  log.info('tenant provisioned', { slug: input.slug, tenantId, plantId, membershipId });
  return ZProvisionTenantResult.parse({ tenantId, plantId, adminUserId: userId, membershipId });
}
