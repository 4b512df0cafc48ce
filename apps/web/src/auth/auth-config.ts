/** What the browser needs to sign people in (from the server's runtime; no build-time variables). */
export interface TAuthConfig {
  /** Which issuer: only for display and tests; the code path is the same. */
  kind: 'keycloak' | 'embedded';
  /** The OpenID Connect issuer (keycloak-js `oidcProvider`: it reads `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** Sign out after this long without keyboard, mouse or touch. */
  idleTimeoutSeconds: number;
}

/** Keycloak 26 speaks zh-Hans, not zh-CN. */
export function issuerLocale(locale: string): string {
  return locale === 'zh-CN' ? 'zh-Hans' : locale;
}
