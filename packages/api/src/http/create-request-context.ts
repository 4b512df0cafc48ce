import { randomUUID } from 'node:crypto';
import { InvalidTokenError, type TIdentity, type TTokenVerifier } from '@ingot/auth';
import { createContextInner, type TContext, type TCreateContextInnerOptions } from '../context.ts';
import { readAccessToken, readCookie } from './read-access-token.ts';

/** The cookie holding the tenant the user picked in the switcher (a wish; see createContextInner). */
export const TENANT_COOKIE = 'ingot_tenant';

export interface TRequestContextDeps
  extends Pick<
    TCreateContextInnerOptions,
    | 'db'
    | 'startProvisionTenant'
    | 'getProvisionTenantStatus'
    | 'planWorkflows'
    | 'identityDirectory'
    | 'telemetry'
    | 'labWorkflows'
  > {
  /** Verifies access tokens of the configured issuer (Keycloak, or the embedded issuer). */
  verify: TTokenVerifier;
  /**
   * The client's address for the audit trail. Default: the first X-Forwarded-For hop, then X-Real-IP — right only
   * behind a proxy that sets them; the portal passes the TCP peer unless told it is behind one.
   */
  sourceIp?: (headers: Headers) => string | null;
}

/**
 * The identity of a request's access token (bearer header or session cookie), or null when it has none or the
 * token is refused (foreign issuer, wrong audience, expired, bad signature, not an access token): the procedures
 * then answer UNAUTHORIZED (HTTP 401). An identity server that cannot be reached is not the caller's fault: that
 * error propagates (HTTP 500), so a Keycloak outage never looks like "signed out".
 */
export async function identityOfRequest(headers: Headers, verify: TTokenVerifier): Promise<TIdentity | null> {
  const token = readAccessToken(headers);
  if (!token) return null;
  try {
    return await verify(token);
  } catch (e) {
    if (e instanceof InvalidTokenError) return null;
    throw e;
  }
}

/** The tRPC context of an HTTP request: token verified, tenant pick passed on as a wish, request metadata. */
export async function createRequestContext(headers: Headers, deps: TRequestContextDeps): Promise<TContext> {
  const cookieHeader = headers.get('cookie');
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const sourceIp = deps.sourceIp ? deps.sourceIp(headers) : forwarded || headers.get('x-real-ip') || null;
  const requestId = headers.get('x-request-id');
  return createContextInner({
    db: deps.db,
    identity: await identityOfRequest(headers, deps.verify),
    activeTenantId: readCookie(cookieHeader, TENANT_COOKIE),
    // A client-chosen request id is kept only when it looks like one (it lands in the audit trail).
    requestId: requestId && /^[A-Za-z0-9._:-]{8,64}$/.test(requestId) ? requestId : randomUUID(),
    sourceIp,
    startProvisionTenant: deps.startProvisionTenant,
    getProvisionTenantStatus: deps.getProvisionTenantStatus,
    planWorkflows: deps.planWorkflows,
    identityDirectory: deps.identityDirectory,
    telemetry: deps.telemetry,
    labWorkflows: deps.labWorkflows,
  });
}
