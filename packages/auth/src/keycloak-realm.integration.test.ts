/**
 * The `ingot` realm as imported from packages/auth/realm/ingot-realm.json into the running Keycloak
 * (infra/local/keycloak.sh): its settings read back through the admin API, and its MLPS level 2 controls seen
 * acting — the password policy refusing each kind of weak password, five wrong passwords locking the account,
 * administrators made to enrol TOTP at sign-in.
 */
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type RealmRepresentation from '@keycloak/keycloak-admin-client/lib/defs/realmRepresentation.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeycloakAdmin } from './keycloak/keycloak-admin.ts';
import {
  INGOT_REALM,
  OTP_REQUIRED_ROLE,
  PORTAL_CLIENT_ID,
  REALM_ROLES,
} from './keycloak/keycloak-settings.ts';
import {
  createRealmTestUser,
  readKeycloakTestEnv,
  signInWithLoginForm,
  strongPassword,
  type TRealmTestUser,
  totp,
} from './test-support/index.ts';

const env = readKeycloakTestEnv();
let admin: KeycloakAdminClient;
let realm: RealmRepresentation;
const users: TRealmTestUser[] = [];

async function user(opts: Parameters<typeof createRealmTestUser>[1] = {}): Promise<TRealmTestUser> {
  const u = await createRealmTestUser(admin, opts);
  users.push(u);
  return u;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  admin = createKeycloakAdmin({
    baseUrl: env.baseUrl,
    credentials: { kind: 'password', username: env.adminUsername, password: env.adminPassword },
  });
  const found = await admin.realms.findOne({ realm: INGOT_REALM });
  if (!found)
    throw new Error(`realm ${INGOT_REALM} missing: infra/local/keycloak.sh imports packages/auth/realm`);
  realm = found;
});

afterAll(async () => {
  await Promise.all(users.map((u) => u.remove()));
});

describe('the ingot realm (read through the admin API)', () => {
  it('has the password policy of MLPS level 2', () => {
    const rules = (realm.passwordPolicy ?? '').split(' and ').map((r) => r.trim());
    expect(rules).toEqual(
      expect.arrayContaining([
        'length(10)',
        'upperCase(1)',
        'lowerCase(1)',
        'digits(1)',
        'specialChars(1)',
        'notUsername(undefined)',
        'notEmail(undefined)',
        'passwordHistory(5)',
      ]),
    );
  });

  it('locks an account for a while after 5 failed logins, and times idle sessions out within 30 minutes', () => {
    expect(realm.bruteForceProtected).toBe(true);
    expect(realm.failureFactor).toBe(5);
    expect(realm.permanentLockout).toBe(false);
    expect(realm.waitIncrementSeconds).toBeGreaterThanOrEqual(600);
    expect(realm.ssoSessionIdleTimeout).toBeGreaterThan(0);
    expect(realm.ssoSessionIdleTimeout).toBeLessThanOrEqual(30 * 60);
    // Offline tokens would outlive the idle timeout: their idle limit is no longer, and the portal cannot ask.
    expect(realm.offlineSessionIdleTimeout).toBeLessThanOrEqual(30 * 60);
    expect(realm.accessTokenLifespan).toBeLessThanOrEqual(300);
    expect(realm.revokeRefreshToken).toBe(true);
  });

  it('keeps sign-in and admin events for at least 180 days; no self-registration; organizations off (tenants are groups)', () => {
    expect(realm.eventsEnabled).toBe(true);
    expect(realm.eventsExpiration).toBeGreaterThanOrEqual(180 * 24 * 3600);
    expect(realm.adminEventsEnabled).toBe(true);
    expect(realm.organizationsEnabled).toBe(false);
    expect(realm.registrationAllowed).toBe(false);
  });

  it('defines every Ingot role; platform-admin and tenant-admin include otp-required', async () => {
    const names = (await admin.roles.find()).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([...REALM_ROLES, OTP_REQUIRED_ROLE]));
    for (const name of ['platform-admin', 'tenant-admin']) {
      const composites = await admin.roles.getCompositeRolesForRealm({
        id: (await admin.roles.findOneByName({ name }))?.id ?? '',
      });
      expect(
        composites.map((r) => r.name),
        name,
      ).toContain(OTP_REQUIRED_ROLE);
    }
  });

  it('has a public portal client: code flow with PKCE S256 only, our origins, audience ingot-portal', async () => {
    const [portal] = await admin.clients.find({ clientId: PORTAL_CLIENT_ID });
    expect(portal).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
    expect(portal?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(portal?.redirectUris?.sort()).toEqual(['http://127.0.0.1:3100/*', 'http://localhost:3000/*']);
    expect(portal?.webOrigins?.sort()).toEqual(['http://127.0.0.1:3100', 'http://localhost:3000']);
    expect(portal?.optionalClientScopes ?? []).not.toContain('offline_access');
    const audience = portal?.protocolMappers?.find((m) => m.protocolMapper === 'oidc-audience-mapper');
    expect(audience?.config).toMatchObject({
      'included.client.audience': PORTAL_CLIENT_ID,
      'access.token.claim': 'true',
    });
  });

  it('has confidential clients with service accounts: connector provisioning, workflows, ingest', async () => {
    const expected: Record<string, string[]> = {
      'ingot-connector-provisioning': ['create-client'],
      'ingot-workflows': ['manage-users', 'view-users', 'query-users', 'query-groups'],
      'ingot-ingest': [],
    };
    const [realmManagement] = await admin.clients.find({ clientId: 'realm-management' });
    for (const [clientId, roles] of Object.entries(expected)) {
      const [client] = await admin.clients.find({ clientId });
      expect(client, clientId).toMatchObject({
        publicClient: false,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
      });
      const account = await admin.clients.getServiceAccountUser({ id: client?.id ?? '' });
      const granted = await admin.users.listClientRoleMappings({
        id: account.id ?? '',
        clientUniqueId: realmManagement?.id ?? '',
      });
      expect(granted.map((r) => r.name).sort(), clientId).toEqual([...roles].sort());
      // The secret is generated by Keycloak at import (never committed) and works for client credentials.
      const { value: secret } = await admin.clients.getClientSecret({ id: client?.id ?? '' });
      const res = await fetch(`${env.baseUrl}/realms/${INGOT_REALM}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: secret ?? '',
        }),
      });
      expect(res.status, clientId).toBe(200);
    }
  });

  it('signs in through a browser flow that requires TOTP for otp-required holders, and enrols them', async () => {
    expect(realm.browserFlow).toBe('ingot browser');
    const executions = await admin.authenticationManagement.getExecutions({ flow: 'ingot browser' });
    const byRole = executions.find((e) => e.displayName === 'ingot otp required by role');
    expect(byRole?.requirement).toBe('CONDITIONAL');
    const inside = executions.filter((e) => e.level === (byRole?.level ?? 0) + 1 && (e.index ?? 0) >= 0);
    expect(inside.map((e) => e.providerId)).toEqual(
      expect.arrayContaining(['conditional-user-role', 'auth-otp-form']),
    );
    const actions = await admin.authenticationManagement.getRequiredActions();
    expect(actions.find((a) => a.alias === 'CONFIGURE_TOTP')?.enabled).toBe(true);
  });
});

describe('the password policy, applied by the admin API', () => {
  let target: TRealmTestUser;
  beforeAll(async () => {
    target = await user({ prefix: 'pw' });
  });

  async function setPassword(value: string): Promise<string | null> {
    try {
      await admin.users.resetPassword({
        id: target.id,
        credential: { type: 'password', value, temporary: false },
      });
      return null;
    } catch (e) {
      const data = (e as { responseData?: { error?: string; error_description?: string } }).responseData;
      return `${data?.error}: ${data?.error_description}`;
    }
  }

  it.each([
    ['too short', 'Ab1!cd2@', /invalidPasswordMinLengthMessage: .*minimum length 10/],
    ['no upper case', 'lower-case-only1', /invalidPasswordMinUpperCaseCharsMessage/],
    ['no lower case', 'UPPER-CASE-ONLY1', /invalidPasswordMinLowerCaseCharsMessage/],
    ['no digit', 'No-Digits-Here', /invalidPasswordMinDigitsMessage/],
    ['no special character', 'NoSpecials123', /invalidPasswordMinSpecialCharsMessage/],
  ])('refuses a password with %s', async (_what, password, message) => {
    expect(await setPassword(password)).toMatch(message);
  });

  it('refuses the username as password (compared without case)', async () => {
    // Usernames are the (lower-case) e-mail: an upper-case first letter passes the other rules.
    const password = target.email[0]?.toUpperCase() + target.email.slice(1);
    expect(await setPassword(password)).toMatch(/invalidPasswordNotUsernameMessage/);
  });

  it('refuses any of the last 5 passwords (the current one included)', async () => {
    const history = Array.from({ length: 5 }, () => strongPassword());
    for (const p of history) expect(await setPassword(p)).toBeNull();
    for (const p of history) expect(await setPassword(p)).toMatch(/invalidPasswordHistoryMessage/);
    expect(await setPassword(strongPassword())).toBeNull();
    // history[0] is now the 6th password back: allowed again.
    expect(await setPassword(history[0] ?? '')).toBeNull();
  });
});

describe('sign-in through the login page', () => {
  it('gives a planner tokens for the portal, with the claims the API reads', async () => {
    const planner = await user({ prefix: 'planner', name: '李强', roles: ['planner'] });
    const result = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: planner.email,
      password: planner.password,
    });
    expect(result.kind).toBe('signed-in');
    if (result.kind !== 'signed-in') return;
    const claims = JSON.parse(
      Buffer.from(result.tokens.access_token.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      iss: `${env.baseUrl}/realms/${INGOT_REALM}`,
      sub: planner.id,
      typ: 'Bearer',
      azp: PORTAL_CLIENT_ID,
      email: planner.email,
      email_verified: true,
      name: '李强',
    });
    expect([claims.aud].flat()).toContain(PORTAL_CLIENT_ID);
  });

  it('locks the account after 5 wrong passwords: then even the right one is refused until unlocked', async () => {
    const victim = await user({ prefix: 'lockout', roles: ['operator'] });
    for (let attempt = 1; attempt <= 5; attempt++) {
      // More than quickLoginCheckMilliSeconds (1 s) apart, so the count, not the quick-retry guard, locks.
      await sleep(1100);
      const r = await signInWithLoginForm({
        baseUrl: env.baseUrl,
        username: victim.email,
        password: `Wrong-Passw0rd-${attempt}`,
      });
      expect(r.kind, `attempt ${attempt}`).toBe('refused');
      const status = await admin.attackDetection.findOne({ id: victim.id });
      expect(status?.numFailures).toBe(attempt);
      expect(status?.disabled, `locked after attempt ${attempt}`).toBe(attempt === 5);
    }
    const right = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: victim.email,
      password: victim.password,
    });
    // The page does not say the account is locked (no hint for an attacker): same message as a wrong password.
    expect(right.kind).toBe('refused');
    await admin.attackDetection.del({ id: victim.id });
    const unlocked = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: victim.email,
      password: victim.password,
    });
    expect(unlocked.kind).toBe('signed-in');
  });

  it.each(['tenant-admin', 'platform-admin'])(
    'makes a %s enrol TOTP before any token, then asks for the code at every sign-in',
    async (role) => {
      const adminUser = await user({ prefix: role, roles: [role] });
      const first = await signInWithLoginForm({
        baseUrl: env.baseUrl,
        username: adminUser.email,
        password: adminUser.password,
      });
      expect(first.kind).toBe('otp-enrolment');
      if (first.kind !== 'otp-enrolment') return;
      const enrolled = await first.enrol();
      expect(enrolled.kind).toBe('signed-in');
      const creds = await admin.users.getCredentials({ id: adminUser.id });
      expect(creds.map((c) => c.type)).toContain('otp');

      const second = await signInWithLoginForm({
        baseUrl: env.baseUrl,
        username: adminUser.email,
        password: adminUser.password,
      });
      expect(second.kind).toBe('otp');
      if (second.kind !== 'otp') return;
      const wrong = await second.submit(totp(first.secret, Date.now() - 5 * 60_000));
      expect(wrong.kind).not.toBe('signed-in');
      const third = await signInWithLoginForm({
        baseUrl: env.baseUrl,
        username: adminUser.email,
        password: adminUser.password,
      });
      if (third.kind !== 'otp') throw new Error(`expected the code prompt, got ${third.kind}`);
      // A code is single-use (otpPolicyCodeReusable false), so not the enrolment's: the next period's (look-ahead 1).
      expect((await third.submit(totp(first.secret, Date.now() + 30_000))).kind).toBe('signed-in');
    },
    90_000,
  );

  it('asks a member without otp-required for a code only once they enrolled one', async () => {
    const operator = await user({ prefix: 'operator', roles: ['operator'] });
    const plain = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: operator.email,
      password: operator.password,
    });
    expect(plain.kind).toBe('signed-in');
    // Enrol through the required action, as the account console would.
    await admin.users.update({ id: operator.id }, { requiredActions: ['CONFIGURE_TOTP'] });
    const enrol = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: operator.email,
      password: operator.password,
    });
    expect(enrol.kind).toBe('otp-enrolment');
    if (enrol.kind !== 'otp-enrolment') return;
    expect((await enrol.enrol()).kind).toBe('signed-in');
    const again = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: operator.email,
      password: operator.password,
    });
    expect(again.kind).toBe('otp');
    if (again.kind !== 'otp') return;
    expect((await again.submit(totp(enrol.secret, Date.now() + 30_000))).kind).toBe('signed-in');
  });
});
