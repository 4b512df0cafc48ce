/** The Keycloak realm Ingot's people sign in to (packages/auth/realm/ingot-realm.json). */
export const INGOT_REALM = 'ingot';
/** The portal's public client; access tokens for the portal API carry it as audience. */
export const PORTAL_CLIENT_ID = 'ingot-portal';

/** The issuer URL of a Keycloak realm (`iss` of its tokens, base of its OIDC endpoints). */
export function keycloakIssuer(baseUrl: string, realm: string = INGOT_REALM): string {
  return `${baseUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}`;
}

/** The realm's JWKS endpoint. */
export function keycloakJwksUrl(baseUrl: string, realm: string = INGOT_REALM): URL {
  return new URL(`${keycloakIssuer(baseUrl, realm)}/protocol/openid-connect/certs`);
}

/**
 * Realm roles. They mirror our database (which stays the source of truth for authorization: tokens' role claims
 * are never read by the API); Keycloak needs them for its own decisions, above all "who must use a second factor".
 */
export const REALM_ROLES = [
  'platform-admin',
  'tenant-admin',
  'plant-manager',
  'planner',
  'operator',
  'quality-engineer',
  'lab-technician',
  'maintenance',
  'energy-manager',
  'hse-officer',
  'viewer',
  'supplier',
  'customer',
] as const;
export type TRealmRole = (typeof REALM_ROLES)[number];

/**
 * Holders of this role must sign in with TOTP (the realm's browser flow enrols them at their next sign-in).
 * platform-admin and tenant-admin are composites that include it; a tenant that requires a second factor for
 * everyone (MLPS level 3) has it granted to all its members.
 */
export const OTP_REQUIRED_ROLE = 'otp-required';

/** Our database role name (`tenant_admin`) as the realm role (`tenant-admin`). */
export function realmRoleOf(role: string): TRealmRole {
  const name = role.replaceAll('_', '-');
  if (!(REALM_ROLES as readonly string[]).includes(name)) throw new Error(`no realm role for "${role}"`);
  return name as TRealmRole;
}
