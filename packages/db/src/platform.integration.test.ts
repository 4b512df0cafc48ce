// The SECURITY DEFINER functions: the only doors through the tenant wall, called as the app role.
import { describeEachDatabase } from '@ingot/testing';
import { expect, it } from 'vitest';
import { isUniqueViolation, sqlStateOf } from './errors.ts';
import { tenantIdForSlug } from './ids.ts';
import { platformTenantExists, setPlatformAdmin, upsertUserBySubject } from './platform.ts';
import { withTenant, withUser } from './scope.ts';

describeEachDatabase('platform functions', (t) => {
  const userRow = async (id: string) =>
    (
      await t.database.ownerQuery<{
        subject: string;
        email: string;
        display_name: string;
        platform_admin: boolean;
      }>('SELECT subject, email, display_name, platform_admin FROM app_user WHERE id = $1', [id])
    )[0];

  it('creates a user at first sign-in and finds the same one afterwards', async () => {
    const id = await upsertUserBySubject(t.db, {
      subject: 'kc|1',
      email: 'Li.Wei@Example.com',
      displayName: '李伟',
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await userRow(id)).toEqual({
      subject: 'kc|1',
      email: 'li.wei@example.com',
      display_name: '李伟',
      platform_admin: false,
    });
    expect(
      await upsertUserBySubject(t.db, { subject: 'kc|1', email: 'li.wei@example.com', displayName: '李伟' }),
    ).toBe(id);
  });

  it("follows the identity server's email and name for a known subject", async () => {
    const id = await upsertUserBySubject(t.db, {
      subject: 'kc|2',
      email: 'old@example.com',
      displayName: 'Old',
    });
    expect(
      await upsertUserBySubject(t.db, { subject: 'kc|2', email: 'new@example.com', displayName: 'New' }),
    ).toBe(id);
    expect(await userRow(id)).toMatchObject({ email: 'new@example.com', display_name: 'New' });
  });

  it('creates a pending user when an admin adds an email, and binds the subject at first sign-in', async () => {
    const added = await upsertUserBySubject(t.db, {
      subject: null,
      email: 'zhang@example.com',
      displayName: 'Zhang',
    });
    expect(await userRow(added)).toMatchObject({ subject: 'pending:zhang@example.com' });
    // Adding the same email again (another tenant) finds the same person.
    expect(
      await upsertUserBySubject(t.db, { subject: null, email: 'ZHANG@example.com', displayName: 'Z' }),
    ).toBe(added);
    const signedIn = await upsertUserBySubject(t.db, {
      subject: 'kc|3',
      email: 'zhang@example.com',
      displayName: '张三',
    });
    expect(signedIn).toBe(added);
    expect(await userRow(added)).toMatchObject({ subject: 'kc|3', display_name: '张三' });
  });

  it('refuses to bind an email that belongs to another identity', async () => {
    await upsertUserBySubject(t.db, { subject: 'kc|4', email: 'taken@example.com', displayName: 'Owner' });
    const error = await upsertUserBySubject(t.db, {
      subject: 'kc|5',
      email: 'taken@example.com',
      displayName: 'Intruder',
    }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    await expect(
      upsertUserBySubject(t.db, { subject: 'kc|6', email: '  ', displayName: 'No email' }),
    ).rejects.toSatisfy((e: unknown) => sqlStateOf(e) === '22023');
    await expect(
      upsertUserBySubject(t.db, {
        subject: 'pending:x@example.com',
        email: 'x@example.com',
        displayName: 'X',
      }),
    ).rejects.toSatisfy((e: unknown) => sqlStateOf(e) === '22023');
  });

  it('gives one id to concurrent sign-ins of the same new user', async () => {
    const ids = await Promise.all(
      Array.from({ length: 8 }, () =>
        upsertUserBySubject(t.db, { subject: 'kc|race', email: 'race@example.com', displayName: 'Race' }),
      ),
    );
    expect(new Set(ids).size).toBe(1);
  });

  it('can be called inside a tenant transaction (pass the tx)', async () => {
    const tenantId = tenantIdForSlug('platform-tx');
    const userId = await withTenant(t.db, { tenantId }, async (tx) => {
      await tx.tenant.create({ data: { id: tenantId, slug: 'platform-tx', name: 'Tx' } });
      const id = await upsertUserBySubject(tx, {
        subject: null,
        email: 'member@example.com',
        displayName: 'Member',
      });
      await tx.membership.create({ data: { tenantId, userId: id, roles: ['operator'] } });
      return id;
    });
    const members = await withTenant(t.db, { tenantId }, (tx) => tx.user.findMany({ select: { id: true } }));
    expect(members.map((m) => m.id)).toEqual([userId]);
  });

  it('tells whether a tenant slug is taken, across tenants', async () => {
    const tenantId = tenantIdForSlug('taken-slug');
    await withTenant(t.db, { tenantId }, (tx) =>
      tx.tenant.create({ data: { id: tenantId, slug: 'taken-slug', name: 'T' } }),
    );
    expect(await platformTenantExists(t.db, 'taken-slug')).toBe(true);
    expect(await platformTenantExists(t.db, 'free-slug')).toBe(false);
    // ...while the tenant row itself stays invisible without its scope.
    expect(await t.db.prisma.tenant.count()).toBe(0);
  });

  it('makes a user platform admin only through setPlatformAdmin', async () => {
    const id = await upsertUserBySubject(t.db, {
      subject: 'kc|admin',
      email: 'root@example.com',
      displayName: 'Root',
    });
    expect(await setPlatformAdmin(t.db, { userId: id, platformAdmin: true })).toBe(true);
    const me = await withUser(t.db, { userId: id }, (tx) => tx.user.findUniqueOrThrow({ where: { id } }));
    expect(me.platformAdmin).toBe(true);
    expect(await setPlatformAdmin(t.db, { userId: id, platformAdmin: false })).toBe(true);
    expect((await userRow(id))?.platform_admin).toBe(false);
    expect(await setPlatformAdmin(t.db, { userId: tenantIdForSlug('nobody'), platformAdmin: true })).toBe(
      false,
    );
  });

  it('lists every tenant to a platform administrator only (app_platform_list_tenants)', async () => {
    const list = (userId: string) =>
      withUser(
        t.db,
        { userId },
        (tx) => tx.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM app_platform_list_tenants()`,
      );
    for (const slug of ['list-a', 'list-b']) {
      const tenantId = tenantIdForSlug(slug);
      await withTenant(t.db, { tenantId }, (tx) =>
        tx.tenant.create({ data: { id: tenantId, slug, name: slug } }),
      );
    }
    const admin = await upsertUserBySubject(t.db, {
      subject: 'kc|root2',
      email: 'root2@example.com',
      displayName: 'R',
    });
    const someone = await upsertUserBySubject(t.db, {
      subject: 'kc|nobody',
      email: 'no@example.com',
      displayName: 'N',
    });
    await setPlatformAdmin(t.db, { userId: admin, platformAdmin: true });
    const slugs = (await list(admin)).map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(['list-a', 'list-b']));
    expect(slugs).toEqual([...slugs].sort());
    expect(await list(someone)).toEqual([]);
    expect(await t.db.prisma.$queryRaw`SELECT slug FROM app_platform_list_tenants()`).toEqual([]);
  });
});
