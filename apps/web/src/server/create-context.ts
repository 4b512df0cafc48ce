import { randomUUID } from 'node:crypto';
import { createContextInner, type TContext } from '@ingot/api';
import { SESSION_COOKIE, type TIdentity } from '@ingot/auth';
import { TENANT_COOKIE } from './cookies.ts';
import { getPortalRuntime } from './runtime.ts';

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return value === '' ? null : decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The verified identity of the session cookie, or null (no cookie, expired or forged token). */
export async function identityFromCookies(cookieHeader: string | null): Promise<TIdentity | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  if (!token) return null;
  const { issuer } = await getPortalRuntime();
  try {
    return await issuer.verify(token);
  } catch {
    return null;
  }
}

/** The tRPC context of an HTTP request: the session cookie verified, the tenant pick passed on as a wish. */
export async function createContextFromHeaders(headers: Headers): Promise<TContext> {
  const runtime = await getPortalRuntime();
  const cookieHeader = headers.get('cookie');
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return createContextInner({
    db: runtime.db,
    identity: await identityFromCookies(cookieHeader),
    activeTenantId: readCookie(cookieHeader, TENANT_COOKIE),
    requestId: headers.get('x-request-id') ?? randomUUID(),
    sourceIp: forwarded || headers.get('x-real-ip') || null,
    startProvisionTenant: runtime.startProvisionTenant,
    getProvisionTenantStatus: runtime.getProvisionTenantStatus,
  });
}
