import { SESSION_COOKIE } from '@ingot/auth';

/** A cookie's value from a Cookie header, or null. */
export function readCookie(header: string | null, name: string): string | null {
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

/**
 * The access token of a request: `Authorization: Bearer <token>` (API clients, the portal's fetches), else the
 * portal's httpOnly session cookie (server-rendered pages). Null when there is none.
 */
export function readAccessToken(headers: Headers): string | null {
  const authorization = headers.get('authorization');
  if (authorization) {
    const m = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization);
    return m?.[1] ?? null;
  }
  return readCookie(headers.get('cookie'), SESSION_COOKIE);
}
