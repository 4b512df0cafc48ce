import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS } from '../demo-users.ts';

/**
 * Puts the demo users into the realm (development and e2e only; the platform process calls it when it runs
 * against Keycloak with INGOT_SEED_DEMO): each with the demo password, its realm roles, and — for the ones the
 * realm makes use a second factor — a TOTP credential with the known DEMO_TOTP_SECRET.
 *
 * Through the partial import with OVERWRITE, because it is the one admin API that takes a user's **id**: the id is
 * the e-mail, so the `sub` of their tokens is the subject the demo seed gave their user rows (as the embedded issuer
 * does). Users invited later get Keycloak's own ids. Overwriting also resets the password, the TOTP credential and
 * any lockout at every start.
 */
export async function ensureDemoUsersInKeycloak(admin: KeycloakAdminClient): Promise<string[]> {
  const otp = {
    type: 'otp',
    userLabel: 'Ingot demo',
    secretData: JSON.stringify({ value: DEMO_TOTP_SECRET }),
    credentialData: JSON.stringify({
      subType: 'totp',
      digits: 6,
      counter: 0,
      period: 30,
      algorithm: 'HmacSHA1',
    }),
  };
  const result = await admin.realms.partialImport({
    realm: admin.realmName,
    rep: {
      ifResourceExists: 'OVERWRITE',
      users: DEMO_USERS.map((u) => ({
        id: u.email,
        username: u.email,
        email: u.email,
        emailVerified: true,
        enabled: true,
        firstName: u.name,
        realmRoles: [...u.realmRoles],
        credentials: [
          { type: 'password', value: DEMO_PASSWORD, temporary: false },
          ...(u.realmRoles.some((r) => r === 'tenant-admin' || r === 'platform-admin') ? [otp] : []),
        ],
      })),
    },
  });
  return (result.results ?? []).map((r) => `${r.action} ${r.resourceName}`);
}
