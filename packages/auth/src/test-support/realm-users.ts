import { randomBytes } from 'node:crypto';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';

export interface TRealmTestUser {
  id: string;
  email: string;
  password: string;
  remove(): Promise<void>;
}

/** A password the realm's policy accepts (length, four character classes), different on every call. */
export function strongPassword(): string {
  return `Ingot-${randomBytes(6).toString('hex')}-Aa1!`;
}

/** A user in the administered realm (e-mail verified), with realm roles; `remove()` deletes it. */
export async function createRealmTestUser(
  admin: KeycloakAdminClient,
  opts: { prefix?: string; name?: string; roles?: string[]; password?: string } = {},
): Promise<TRealmTestUser> {
  const email = `${opts.prefix ?? 'test'}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@test.ingot.cn`;
  const password = opts.password ?? strongPassword();
  const { id } = await admin.users.create({
    username: email,
    email,
    emailVerified: true,
    enabled: true,
    firstName: opts.name ?? '测试用户',
    credentials: [{ type: 'password', value: password, temporary: false }],
  });
  if (opts.roles && opts.roles.length > 0) {
    const roles = await Promise.all(opts.roles.map((name) => admin.roles.findOneByName({ name })));
    await admin.users.addRealmRoleMappings({
      id,
      roles: roles.map((r, i) => {
        if (!r?.id) throw new Error(`realm role ${opts.roles?.[i]} not found`);
        return { id: r.id, name: r.name ?? '' };
      }),
    });
  }
  return { id, email, password, remove: () => admin.users.del({ id }).catch(() => undefined) };
}
