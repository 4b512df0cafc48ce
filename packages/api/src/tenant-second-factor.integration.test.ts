/**
 * MLPS level 3: a tenant may require a second factor from every member, not only administrators. Against the
 * running Keycloak with the `ingot-workflows` service account: switching the setting on makes Keycloak's real login
 * form demand TOTP enrolment from a plain viewer of that tenant; switching it off stops that; a Keycloak failure
 * leaves the setting as it was. Uses the copper demo tenant, whose Keycloak group no other test changes.
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
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { createCaller, JIANGNAN, JIANGNAN_ADMIN } from './test-support/demo-callers.ts';

const env = readKeycloakTestEnv();
const master = createKeycloakAdmin({
  baseUrl: env.baseUrl,
  credentials: { kind: 'password', username: env.adminUsername, password: env.adminPassword },
});
let directory: TIdentityDirectory;
const removals: Array<() => Promise<void>> = [];

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
  for (const remove of removals) await remove();
});

describeEachDatabase('second factor for every member of a tenant (Keycloak)', (t) => {
  const adminOf = (identityDirectory: TIdentityDirectory) =>
    createCaller(
      createContextInner({
        db: t.db,
        identity: { subject: JIANGNAN_ADMIN, email: JIANGNAN_ADMIN, name: '陈静' },
        activeTenantId: tenantIdForSlug(JIANGNAN),
        requestId: randomBytes(8).toString('hex'),
        sourceIp: '192.0.2.7',
        identityDirectory,
      }),
    );

  beforeAll(async () => {
    await seedDemoTenant(t.db);
  });

  afterEach(async () => {
    // Never leave the demo tenant's group demanding TOTP for the tests that follow.
    await directory.setTenantSecondFactor({
      tenant: { id: tenantIdForSlug(JIANGNAN), slug: JIANGNAN },
      required: false,
    });
  });

  async function viewerOfTheTenant() {
    const user = await createRealmTestUser(master, { prefix: 'second-factor' });
    removals.push(user.remove);
    await adminOf(directory).member.add({
      email: user.email,
      displayName: '刘洋',
      roles: ['viewer'],
      plantIds: [],
    });
    return user;
  }

  const signIn = (user: { email: string; password: string }) =>
    signInWithLoginForm({ baseUrl: env.baseUrl, username: user.email, password: user.password });

  it('makes Keycloak demand TOTP enrolment from a viewer once the tenant requires it, and stops when it does not', async () => {
    const viewer = await viewerOfTheTenant();
    expect((await signIn(viewer)).kind).toBe('signed-in');

    const on = await adminOf(directory).tenant.update({ requireSecondFactor: true });
    expect(on.requireSecondFactor).toBe(true);
    const group = (await master.groups.find({ search: JIANGNAN, exact: true }))
      .flatMap((g) => [g, ...(g.subGroups ?? [])])
      .find((g) => g.path === `/${TENANTS_GROUP}/${JIANGNAN}`);
    expect(group?.id).toBeTruthy();
    const mapped = await master.groups.listRealmRoleMappings({ id: group?.id ?? '' });
    expect(mapped.map((r) => r.name)).toContain('otp-required');
    expect((await signIn(viewer)).kind).toBe('otp-enrolment');

    const off = await adminOf(directory).tenant.update({ requireSecondFactor: false });
    expect(off.requireSecondFactor).toBe(false);
    expect((await signIn(viewer)).kind).toBe('signed-in');
  });

  it('leaves the setting unchanged when Keycloak refuses, and records nothing', async () => {
    const broken: TIdentityDirectory = {
      ...directory,
      setTenantSecondFactor: async () => {
        throw new Error('Keycloak is down');
      },
    };
    const tenantUpdates = async () =>
      (await adminOf(directory).audit.list({ filter: { action: 'tenant.update' } })).items.length;
    const auditBefore = await tenantUpdates();
    await expect(adminOf(broken).tenant.update({ requireSecondFactor: true })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect((await adminOf(directory).tenant.get()).requireSecondFactor).toBe(false);
    expect(await tenantUpdates()).toBe(auditBefore);
  });
});
