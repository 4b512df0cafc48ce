import { createRequestContext, identityOfRequest, type TContext } from '@ingot/api';
import type { TIdentity } from '@ingot/auth';
import { clientIp } from './client-ip.ts';
import { getPortalRuntime } from './runtime.ts';

/** The verified identity of a request's access token (bearer header or session cookie), or null. */
export async function identityFromHeaders(headers: Headers): Promise<TIdentity | null> {
  const { identity } = await getPortalRuntime();
  return identityOfRequest(headers, identity.verify);
}

/** The tRPC context of an HTTP request (also used by server components through serverCaller). */
export async function createContextFromHeaders(headers: Headers): Promise<TContext> {
  const runtime = await getPortalRuntime();
  return createRequestContext(headers, {
    db: runtime.db,
    verify: runtime.identity.verify,
    sourceIp: clientIp,
    identityDirectory: runtime.identity.directory,
    startProvisionTenant: runtime.startProvisionTenant,
    getProvisionTenantStatus: runtime.getProvisionTenantStatus,
    planWorkflows: runtime.planWorkflows,
  });
}
