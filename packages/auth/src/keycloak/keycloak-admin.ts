import KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { INGOT_REALM } from './keycloak-settings.ts';

export type TKeycloakAdminCredentials =
  /** A user of `realm` (default master) with admin rights, through admin-cli (development and tests only). */
  | { kind: 'password'; username: string; password: string; realm?: string; clientId?: string }
  /** A confidential client's service account in the Ingot realm (production: `ingot-workflows`). */
  | { kind: 'client'; clientId: string; clientSecret: string };

export interface TKeycloakAdminOptions {
  baseUrl: string;
  /** The realm administered (default `ingot`). */
  realm?: string;
  credentials: TKeycloakAdminCredentials;
  /** Per-request timeout in ms (default 10 s). */
  timeoutMs?: number;
}

/**
 * A Keycloak admin client bound to the Ingot realm that fetches a new token whenever the current one is about to
 * expire (the library's own refresh asks the administered realm, not the realm the credentials belong to, and
 * client credentials have no refresh token).
 */
export function createKeycloakAdmin(opts: TKeycloakAdminOptions): KeycloakAdminClient {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const realm = opts.realm ?? INGOT_REALM;
  const timeout = opts.timeoutMs ?? 10_000;
  const client = new KeycloakAdminClient({ baseUrl, realmName: realm, timeout });
  const creds = opts.credentials;
  const tokenRealm = creds.kind === 'password' ? (creds.realm ?? 'master') : realm;
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const body =
      creds.kind === 'password'
        ? new URLSearchParams({
            grant_type: 'password',
            client_id: creds.clientId ?? 'admin-cli',
            username: creds.username,
            password: creds.password,
          })
        : new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: creds.clientId,
            client_secret: creds.clientSecret,
          });
    const res = await fetch(
      `${baseUrl}/realms/${encodeURIComponent(tokenRealm)}/protocol/openid-connect/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(timeout),
      },
    );
    const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!res.ok || !json.access_token) {
      throw new Error(
        `Keycloak admin sign-in failed (HTTP ${res.status}) for ${creds.kind} ${'username' in creds ? creds.username : creds.clientId}`,
      );
    }
    cached = { token: json.access_token, expiresAt: Date.now() + (json.expires_in ?? 60) * 1000 };
    return json.access_token;
  }

  client.registerTokenProvider({
    async getAccessToken() {
      // Renew 15 s before expiry; one renewal at a time.
      if (cached && cached.expiresAt - Date.now() > 15_000) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
  });
  return client;
}

export type { KeycloakAdminClient };
