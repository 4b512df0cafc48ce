import { createRequestContext, identityOfRequest, type TContext, type TRequestContextDeps } from '@ingot/api';
import type { TIdentity } from '@ingot/auth';
import { clientIp } from './client-ip.ts';
import { getPortalRuntime } from './runtime.ts';
import { getTelemetryRuntime } from './telemetry-handle.ts';

/** The verified identity of a request's access token (bearer header or session cookie), or null. */
export async function identityFromHeaders(headers: Headers): Promise<TIdentity | null> {
  const { identity } = await getPortalRuntime();
  return identityOfRequest(headers, identity.verify);
}

/** What every request context is built from: the portal's singletons (one place for the tRPC route and pages). */
export async function requestContextDeps(): Promise<TRequestContextDeps> {
  const runtime = await getPortalRuntime();
  return {
    db: runtime.db,
    verify: runtime.identity.verify,
    sourceIp: clientIp,
    identityDirectory: runtime.identity.directory,
    startProvisionTenant: runtime.startProvisionTenant,
    getProvisionTenantStatus: runtime.getProvisionTenantStatus,
    planWorkflows: runtime.planWorkflows,
    labWorkflows: runtime.labWorkflows,
    telemetry: getTelemetryRuntime()?.store ?? null,
  };
}

/** The tRPC context of an HTTP request (also used by server components through serverCaller). */
export async function createContextFromHeaders(headers: Headers): Promise<TContext> {
  return createRequestContext(headers, await requestContextDeps());
}
