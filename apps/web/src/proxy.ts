import { type NextRequest, NextResponse } from 'next/server';
import { env } from './env.ts';
import {
  baseSecurityHeaders,
  contentSecurityPolicy,
  silentCheckSsoPolicy,
} from './server/security-headers.ts';

/**
 * Security headers on every response (src/server/security-headers.ts): a per-request nonce CSP on the pages
 * (Next.js reads the nonce from the request's CSP header and puts it on its scripts), HSTS over HTTPS, no framing.
 * The embedded issuer's pages (/oidc) carry their own CSP; the silent check-sso page its own (framed by us).
 */
export function proxy(request: NextRequest) {
  const https = env.INGOT_SECURE_COOKIES || request.nextUrl.protocol === 'https:';
  const path = request.nextUrl.pathname;
  if (path === '/silent-check-sso.html') {
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(baseSecurityHeaders({ https, framedBySelf: true })))
      res.headers.set(k, v);
    res.headers.set('content-security-policy', silentCheckSsoPolicy());
    return res;
  }
  const headers = baseSecurityHeaders({ https, framedBySelf: false });
  if (path.startsWith('/oidc/') || path.startsWith('/api/')) {
    const res = NextResponse.next();
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    if (path.startsWith('/api/'))
      res.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    return res;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({
    nonce,
    issuerOrigin: env.KEYCLOAK_URL ? new URL(env.KEYCLOAK_URL).origin : null,
    https,
    development: env.NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('content-security-policy', csp);
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  if (path.startsWith('/verify/')) {
    // The public certificate verification page (no sign-in; see app/verify): its URL holds the token, so no
    // search engine indexes it, no cache keeps it and no referrer carries it to another site.
    res.headers.set('x-robots-tag', 'noindex, nofollow, noarchive');
    res.headers.set('referrer-policy', 'no-referrer');
    res.headers.set('cache-control', 'no-store');
  }
  return res;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
