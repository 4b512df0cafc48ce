/** The inline script of public/silent-check-sso.html, allowed by its hash (sha256, base64). */
export const SILENT_CHECK_SSO_SCRIPT_HASH = 'sha256-NuGEHWbQP7fFayUad46pwOQjhf59O6x6VUaef+Cctms=';

export interface TSecurityHeaderOptions {
  /** A per-request nonce for Next.js's inline scripts. */
  nonce: string;
  /** The identity server's origin (Keycloak), or null when the issuer is this portal (embedded). */
  issuerOrigin: string | null;
  /** Served over HTTPS: HSTS and upgrade-insecure-requests. */
  https: boolean;
  development: boolean;
}

const join = (directives: Array<string | false>) => directives.filter(Boolean).join('; ');

/**
 * The Content-Security-Policy of the portal's pages:
 * - scripts: only ours, by nonce (Next.js applies it to its inline scripts) + 'strict-dynamic' for what they load;
 * - connect-src / frame-src: the identity server (keycloak-js fetches discovery and tokens, and runs the silent
 *   check-sso in a hidden frame) — nothing else;
 * - frame-ancestors 'none': no one frames the portal (clickjacking);
 * - style-src 'unsafe-inline': React style attributes (no script can be injected through a style attribute);
 * - form-action 'self': forms post only to the portal.
 */
export function contentSecurityPolicy(o: TSecurityHeaderOptions): string {
  const issuer = o.issuerOrigin ? ` ${o.issuerOrigin}` : '';
  return join([
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${issuer}`,
    `frame-src 'self'${issuer}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    o.https && 'upgrade-insecure-requests',
  ]);
}

/** The silent check-sso page: framed by our own pages, runs one known inline script. */
export function silentCheckSsoPolicy(): string {
  return join([
    "default-src 'none'",
    `script-src '${SILENT_CHECK_SSO_SCRIPT_HASH}'`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
  ]);
}

/** Headers every response carries. */
export function baseSecurityHeaders(o: { https: boolean; framedBySelf: boolean }): Record<string, string> {
  return {
    ...(o.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-frame-options': o.framedBySelf ? 'SAMEORIGIN' : 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
