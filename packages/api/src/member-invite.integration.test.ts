/**
 * Member invites against the running Keycloak, through the API as the portal runs it with the `ingot-workflows`
 * service account (so its realm-management rights are proven enough): adding a person creates their account
 * (temporary password when the realm cannot send mail), grants realm roles and the tenant group; an existing
 * account is linked; a new tenant_admin role reaches Keycloak (TOTP enrolment at next sign-in); removing a member
 * ends access at once; a Keycloak failure rolls the membership back.
 */
import { randomBytes } from 'node:crypto';
import {
  createKeycloakAdmin,
  createKeycloakDirectory,
  TENANTS_GROUP,
  type TIdentityDirectory,
} from '@ingot/auth';
import { createRealmTestUser, readKeycloakTestEnv, signInWithLoginForm } from '@ingot/auth/test-support';
import { tenantIdForSlug } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { callerFor, createCaller, EAST, EAST_ADMIN } from './test-support/demo-callers.ts';

const env = readKeycloakTestEnv();
const master = createKeycloakAdmin({
  baseUrl: env.baseUrl,
  credentials: { kind: 'password', username: env.adminUsername, password: env.adminPassword },
});
let directory: TIdentityDirectory;
const created: string[] = [];

beforeAll(async () => {
  const [client] = await master.clients.find({ clientId: 'ingot-workflows' });
  const { value: secret } = await master.clients.getClientSecret({ id: client?.id ?? '' });
  const serviceAccount = createKeycloakAdmin({
    baseUrl: env.baseUrl,
    credentials: { kind: 'client', clientId: 'ingot-workflows', clientSecret: secret ?? '' },
  });
  directory = createKeycloakDirectory({ admin: serviceAccount });
});

afterAll(async () => {
  for (const email of created) {
    const [u] = await master.users.find({ email, exact: true });
    if (u?.id) await master.users.del({ id: u.id }).catch(() => undefined);
  }
});

const newEmail = (what: string) => {
  const email = `invite-${what}-${randomBytes(4).toString('hex')}@test.ingot.cn`;
  created.push(email);
  return email;
};

async function accountOf(email: string) {
  const [user] = await master.users.find({ email, exact: true });
  if (!user?.id) return null;
  const roles = (await master.users.listRealmRoleMappings({ id: user.id })).map((r) => r.name);
  const groups = (await master.users.listGroups({ id: user.id })).map((g) => g.path);
  return { id: user.id, user, roles, groups };
}

describeEachDatabase('member invites through Keycloak', (t) => {
  const admin = () =>
    createCaller(
      createContextInner({
        db: t.db,
        identity: { subject: EAST_ADMIN, email: EAST_ADMIN, name: '王敏' },
        activeTenantId: tenantIdForSlug(EAST),
        requestId: randomBytes(8).toString('hex'),
        sourceIp: '192.0.2.1',
        identityDirectory: directory,
      }),
    );

  beforeAll(async () => {
    await seedDemoTenant(t.db);
  });

  it('creates the account of a new person: temporary password to change, realm role, tenant group', async () => {
    const email = newEmail('new');
    const member = await admin().member.add({ email, displayName: '赵磊', roles: ['planner'], plantIds: [] });
    expect(member.invitation).toMatchObject({ account: 'created', activation: 'temporary-password' });
    const account = await accountOf(email);
    expect(account?.user).toMatchObject({ email, firstName: '赵磊', emailVerified: true, enabled: true });
    expect(account?.roles).toContain('planner');
    expect(account?.groups).toContain(`/${TENANTS_GROUP}/${EAST}`);
    // The temporary password works once, to choose a new one (Keycloak's UPDATE_PASSWORD page).
    const login = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: email,
      password: member.invitation?.temporaryPassword ?? '',
    });
    expect(login.kind).toBe('other');
    if (login.kind === 'other') expect(login.html).toContain('kc-passwd-update-form');
  });

  it('links an existing account (no password handed out) and only adds what is missing', async () => {
    const existing = await createRealmTestUser(master, { prefix: 'invite-existing', roles: ['viewer'] });
    created.push(existing.email);
    const member = await admin().member.add({
      email: existing.email.toUpperCase(),
      displayName: 'X',
      roles: ['operator'],
      plantIds: [],
    });
    expect(member.invitation).toEqual({ account: 'existing', activation: 'none', temporaryPassword: null });
    const account = await accountOf(existing.email);
    expect(account?.roles).toEqual(expect.arrayContaining(['viewer', 'operator']));
    expect(account?.groups).toContain(`/${TENANTS_GROUP}/${EAST}`);
  });

  it('gives a member promoted to tenant_admin the realm role, so Keycloak makes them enrol TOTP', async () => {
    const person = await createRealmTestUser(master, { prefix: 'invite-promoted', roles: [] });
    created.push(person.email);
    const member = await admin().member.add({
      email: person.email,
      displayName: 'P',
      roles: ['viewer'],
      plantIds: [],
    });
    expect(
      (await signInWithLoginForm({ baseUrl: env.baseUrl, username: person.email, password: person.password }))
        .kind,
    ).toBe('signed-in');
    await admin().member.update({ id: member.id, roles: ['tenant_admin'] });
    expect((await accountOf(person.email))?.roles).toContain('tenant-admin');
    const next = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: person.email,
      password: person.password,
    });
    expect(next.kind).toBe('otp-enrolment');
  });

  it('removes a member: no access from the next request on, and out of the tenant group', async () => {
    const email = newEmail('removed');
    const member = await admin().member.add({ email, displayName: 'R', roles: ['viewer'], plantIds: [] });
    const them = callerFor(t.db, email, EAST);
    expect((await them.plant.list()).length).toBeGreaterThan(0);
    await admin().member.remove({ id: member.id });
    await expect(them.plant.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await accountOf(email))?.groups).not.toContain(`/${TENANTS_GROUP}/${EAST}`);
  });

  it('rolls the membership back when Keycloak refuses the change', async () => {
    const email = newEmail('refused');
    const broken: TIdentityDirectory = {
      ...directory,
      provisionMember: async () => {
        throw new Error('Keycloak is down');
      },
    };
    const caller = createCaller(
      createContextInner({
        db: t.db,
        identity: { subject: EAST_ADMIN, email: EAST_ADMIN, name: '王敏' },
        activeTenantId: tenantIdForSlug(EAST),
        requestId: 'req-refused-1',
        sourceIp: null,
        identityDirectory: broken,
      }),
    );
    const error = await caller.member
      .add({ email, displayName: 'N', roles: ['viewer'], plantIds: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('SERVICE_UNAVAILABLE');
    const members = await callerFor(t.db, EAST_ADMIN, EAST).member.list();
    expect(members.map((m) => m.email)).not.toContain(email);
    const [audit] = await t.database.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE request_id = 'req-refused-1'`,
    );
    expect(audit?.n).toBe(0);
  });
});
