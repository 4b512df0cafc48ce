/**
 * A first password for a new tenant's first administrator, against the running Keycloak: only a platform
 * administrator may ask, only for a tenant administrator who has never signed in; it works once at Keycloak's real
 * login form (which makes its holder choose their own); anyone else answers NOT_FOUND; the tenant's audit trail
 * records who issued it (never the password).
 */
import { randomBytes } from 'node:crypto';
import { createKeycloakAdmin, createKeycloakDirectory, type TIdentityDirectory } from '@ingot/auth';
import { readKeycloakTestEnv, signInWithLoginForm } from '@ingot/auth/test-support';
import { tenantIdForSlug, upsertUserBySubject } from '@ingot/db';
import { seedDemoTenant } from '@ingot/domain';
import { describeEachDatabase } from '@ingot/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { createCaller, JIANGNAN, JIANGNAN_ADMIN, PLATFORM_ADMIN } from './test-support/demo-callers.ts';

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
  directory = createKeycloakDirectory({
    admin: createKeycloakAdmin({
      baseUrl: env.baseUrl,
      credentials: { kind: 'client', clientId: 'ingot-workflows', clientSecret: secret ?? '' },
    }),
  });
});

afterAll(async () => {
  for (const email of created) {
    const [u] = await master.users.find({ email, exact: true });
    if (u?.id) await master.users.del({ id: u.id }).catch(() => undefined);
  }
});

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describeEachDatabase('first password for a new tenant administrator (Keycloak)', (t) => {
  const callerAs = (email: string, tenantSlug: string | null, identityDirectory: TIdentityDirectory | null) =>
    createCaller(
      createContextInner({
        db: t.db,
        identity: { subject: email, email, name: email },
        activeTenantId: tenantSlug ? tenantIdForSlug(tenantSlug) : null,
        requestId: randomBytes(8).toString('hex'),
        sourceIp: '192.0.2.9',
        identityDirectory,
      }),
    );
  const platform = () => callerAs(PLATFORM_ADMIN, null, directory);
  const tenantAdmin = () => callerAs(JIANGNAN_ADMIN, JIANGNAN, directory);

  beforeAll(async () => {
    await seedDemoTenant(t.db);
  });

  async function pendingMember(roles: Array<'tenant_admin' | 'viewer'>) {
    const email = `first-password-${randomBytes(4).toString('hex')}@test.ingot.cn`;
    created.push(email);
    await tenantAdmin().member.add({ email, displayName: '周涛', roles, plantIds: [] });
    return email;
  }

  it('hands out a temporary password that works once at the Keycloak login form, and audits it', async () => {
    const email = await pendingMember(['tenant_admin']);
    const issued = await platform().platform.tenant.issueFirstPassword({ slug: JIANGNAN, email });
    expect(issued.email).toBe(email);
    const login = await signInWithLoginForm({
      baseUrl: env.baseUrl,
      username: email,
      password: issued.temporaryPassword,
    });
    // The password is accepted; an administrator enrols a second factor first, then must choose their own password.
    expect(login.kind).toBe('otp-enrolment');
    if (login.kind !== 'otp-enrolment') return;
    const next = await login.enrol();
    expect(next.kind).toBe('other');
    if (next.kind === 'other') expect(next.html).toContain('kc-passwd-update-form');

    const audit = await tenantAdmin().audit.list({
      filter: { action: 'platform.tenant.issueFirstPassword' },
    });
    const row = audit.items.find((e) => JSON.stringify(e.details).includes(email));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(issued.temporaryPassword);
  });

  it('answers NOT_FOUND for anyone who is not a never-signed-in administrator of that tenant', async () => {
    const admin = await pendingMember(['tenant_admin']);
    const viewer = await pendingMember(['viewer']);
    expect(
      await codeOf(platform().platform.tenant.issueFirstPassword({ slug: JIANGNAN, email: viewer })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(platform().platform.tenant.issueFirstPassword({ slug: 'east-china-al', email: admin })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(platform().platform.tenant.issueFirstPassword({ slug: 'no-such-tenant', email: admin })),
    ).toBe('NOT_FOUND');
    // Their first sign-in binds the identity: from then on nobody hands them a password.
    await upsertUserBySubject(t.db, {
      subject: `kc-${randomBytes(6).toString('hex')}`,
      email: admin,
      displayName: 'Z',
    });
    expect(
      await codeOf(platform().platform.tenant.issueFirstPassword({ slug: JIANGNAN, email: admin })),
    ).toBe('NOT_FOUND');
  });

  it('is closed to tenant administrators, and unavailable without an identity server', async () => {
    const email = await pendingMember(['tenant_admin']);
    expect(await codeOf(tenantAdmin().platform.tenant.issueFirstPassword({ slug: JIANGNAN, email }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(
        callerAs(PLATFORM_ADMIN, null, null).platform.tenant.issueFirstPassword({ slug: JIANGNAN, email }),
      ),
    ).toBe('PRECONDITION_FAILED');
  });
});
