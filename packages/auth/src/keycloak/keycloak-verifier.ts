import { PORTAL_AUDIENCE } from '../identity.ts';
import { createRemoteTokenVerifier, type TTokenVerifier } from '../token-verifier.ts';
import { INGOT_REALM, keycloakIssuer, keycloakJwksUrl } from './keycloak-settings.ts';

/** Verifies portal access tokens issued by the Ingot realm of the Keycloak at `baseUrl` (its JWKS, fetched). */
export function createKeycloakVerifier(opts: {
  baseUrl: string;
  realm?: string;
  clockToleranceSeconds?: number;
  now?: () => Date;
}): TTokenVerifier & { issuer: string } {
  const realm = opts.realm ?? INGOT_REALM;
  const issuer = keycloakIssuer(opts.baseUrl, realm);
  const verify = createRemoteTokenVerifier({
    issuer,
    audience: PORTAL_AUDIENCE,
    jwksUrl: keycloakJwksUrl(opts.baseUrl, realm),
    clockToleranceSeconds: opts.clockToleranceSeconds,
    now: opts.now,
  });
  return Object.assign(verify, { issuer });
}
