import { randomBytes } from 'node:crypto';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type { TIdentityDirectory, TMemberIdentity } from '../identity-directory.ts';
import { createKeycloakAdmin } from './keycloak-admin.ts';
import { OTP_REQUIRED_ROLE, PORTAL_CLIENT_ID, realmRoleOf } from './keycloak-settings.ts';

/** The parent group of the tenants' groups (`/tenants/<slug>`). */
export const TENANTS_GROUP = 'tenants';

/** A temporary password the realm's policy accepts (four character classes, 20+ characters). */
function temporaryPassword(): string {
  return `Tmp-${randomBytes(9).toString('base64url')}-7a`;
}

const status = (e: unknown) => (e as { response?: { status?: number } }).response?.status;

/**
 * The identity directory on Keycloak's admin API, for the `ingot-workflows` service account (realm-management
 * manage-users, view-users, query-users, query-groups) — or, in development, the master admin.
 *
 * Tenants map to groups `/tenants/<slug>` (attribute `ingot_tenant_id`), not to Organizations: in Keycloak 26.7
 * every organization endpoint needs manage-realm, which would let the service account change the realm's password
 * policy and lockout. Realm roles are added, never removed here (a role may come from another tenant; an extra
 * `tenant-admin` only means an extra second factor). New accounts have their e-mail marked verified: the address is
 * the one the tenant administrator entered, and the account is activated through that address (the e-mailed link)
 * or a temporary password the administrator hands over and that must be changed at first sign-in.
 */
export function createKeycloakDirectory(opts: {
  admin: KeycloakAdminClient;
  /** Where the activation e-mail's link returns (the portal). */
  portalUrl?: string;
}): TIdentityDirectory {
  const { admin } = opts;

  async function findUser(email: string) {
    const found = await admin.users.find({ email, exact: true, max: 2 });
    return found.find((u) => u.email?.toLowerCase() === email.toLowerCase()) ?? null;
  }

  async function findChildGroup(parentId: string, name: string) {
    const children = await admin.groups.listSubGroups({ parentId, search: name, max: 50 });
    return children.find((g) => g.name === name) ?? null;
  }

  async function tenantGroup(tenant: { id: string; slug: string }): Promise<string> {
    let parent = (await admin.groups.find({ search: TENANTS_GROUP, exact: true })).find(
      (g) => g.name === TENANTS_GROUP,
    );
    if (!parent) {
      await admin.groups.create({ name: TENANTS_GROUP }).catch((e) => {
        if (status(e) !== 409) throw e; // created meanwhile
      });
      parent = (await admin.groups.find({ search: TENANTS_GROUP, exact: true })).find(
        (g) => g.name === TENANTS_GROUP,
      );
    }
    if (!parent?.id) throw new Error('Keycloak group /tenants could not be created');
    const existing = await findChildGroup(parent.id, tenant.slug);
    if (existing?.id) return existing.id;
    try {
      return (
        await admin.groups.createChildGroup(
          { id: parent.id },
          { name: tenant.slug, attributes: { ingot_tenant_id: [tenant.id] } },
        )
      ).id;
    } catch (e) {
      if (status(e) !== 409) throw e;
      const raced = await findChildGroup(parent.id, tenant.slug);
      if (!raced?.id) throw e;
      return raced.id;
    }
  }

  async function addRealmRoles(userId: string, roles: readonly string[]) {
    const wanted = new Set(roles.map(realmRoleOf));
    if (wanted.size === 0) return;
    // The roles the user does not hold yet, with their ids (no view-realm right needed for this one).
    const available = await admin.users.listAvailableRealmRoleMappings({ id: userId });
    const missing = available.filter((r) => r.name && wanted.has(r.name as never));
    if (missing.length > 0) {
      await admin.users.addRealmRoleMappings({
        id: userId,
        roles: missing.map((r) => ({ id: r.id ?? '', name: r.name ?? '' })),
      });
    }
  }

  return {
    async provisionMember(input): Promise<TMemberIdentity> {
      const email = input.email.trim().toLowerCase();
      let user = await findUser(email);
      let identity: TMemberIdentity = { account: 'existing', activation: 'none', temporaryPassword: null };
      if (!user) {
        const password = temporaryPassword();
        try {
          const { id } = await admin.users.create({
            username: email,
            email,
            emailVerified: true,
            enabled: true,
            firstName: input.displayName,
            // temporary: Keycloak makes the person choose their own password at first sign-in.
            credentials: [{ type: 'password', value: password, temporary: true }],
          });
          user = { id };
          let activation: TMemberIdentity['activation'] = 'temporary-password';
          try {
            await admin.users.executeActionsEmail({
              id,
              actions: ['UPDATE_PASSWORD'],
              lifespan: 3 * 24 * 3600,
              clientId: PORTAL_CLIENT_ID,
              ...(opts.portalUrl ? { redirectUri: `${opts.portalUrl}/sign-in` } : {}),
            });
            activation = 'email-sent';
          } catch {
            // The realm cannot send mail (no SMTP configured): the administrator hands the password over.
          }
          identity = {
            account: 'created',
            activation,
            temporaryPassword: activation === 'temporary-password' ? password : null,
          };
        } catch (e) {
          if (status(e) !== 409) throw e;
          user = await findUser(email); // created by a concurrent invite
        }
      }
      if (!user?.id) throw new Error(`Keycloak account for ${email} could not be found or created`);
      await addRealmRoles(user.id, input.roles);
      await admin.users.addToGroup({ id: user.id, groupId: await tenantGroup(input.tenant) });
      return identity;
    },

    async setTenantSecondFactor(input) {
      const groupId = await tenantGroup(input.tenant);
      const mapped = await admin.groups.listRealmRoleMappings({ id: groupId });
      const current = mapped.find((r) => r.name === OTP_REQUIRED_ROLE);
      if (input.required && !current) {
        // The group's mappable roles carry ids without the view-realm right the service account lacks.
        const available = await admin.groups.listAvailableRealmRoleMappings({ id: groupId });
        const role = available.find((r) => r.name === OTP_REQUIRED_ROLE);
        if (!role?.id) throw new Error(`realm role ${OTP_REQUIRED_ROLE} is missing (realm not imported?)`);
        await admin.groups.addRealmRoleMappings({
          id: groupId,
          roles: [{ id: role.id, name: OTP_REQUIRED_ROLE }],
        });
      } else if (!input.required && current?.id) {
        await admin.groups.delRealmRoleMappings({
          id: groupId,
          roles: [{ id: current.id, name: OTP_REQUIRED_ROLE }],
        });
      }
    },

    async issueTemporaryPassword(input) {
      const user = await findUser(input.email.trim().toLowerCase());
      if (!user?.id) return null;
      const password = temporaryPassword();
      await admin.users.resetPassword({
        id: user.id,
        credential: { type: 'password', value: password, temporary: true },
      });
      return password;
    },

    async grantRoles(input) {
      const user = await findUser(input.email.trim().toLowerCase());
      if (user?.id) await addRealmRoles(user.id, input.roles);
    },

    async removeFromTenant(input) {
      const user = await findUser(input.email.trim().toLowerCase());
      if (!user?.id) return;
      const parent = (await admin.groups.find({ search: TENANTS_GROUP, exact: true })).find(
        (g) => g.name === TENANTS_GROUP,
      );
      const group = parent?.id ? await findChildGroup(parent.id, input.tenantSlug) : null;
      if (group?.id) await admin.users.delFromGroup({ id: user.id, groupId: group.id });
    },
  };
}

/** What a process knows of Keycloak from its environment (each app reads its own env.ts). */
export interface TKeycloakDirectorySettings {
  baseUrl: string;
  realm?: string;
  /** The `ingot-workflows` service account (production). */
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** A master-realm administrator (development only). */
  adminUsername?: string | undefined;
  adminPassword?: string | undefined;
  portalUrl?: string;
}

/**
 * The directory on the service account's credentials when given, else on the administrator's (development); null
 * when neither is configured (members and first administrators are then not created in Keycloak).
 */
export function createKeycloakDirectoryFromSettings(
  settings: TKeycloakDirectorySettings,
): TIdentityDirectory | null {
  const credentials =
    settings.clientId && settings.clientSecret
      ? { kind: 'client' as const, clientId: settings.clientId, clientSecret: settings.clientSecret }
      : settings.adminUsername && settings.adminPassword
        ? { kind: 'password' as const, username: settings.adminUsername, password: settings.adminPassword }
        : null;
  if (!credentials) return null;
  const admin = createKeycloakAdmin({
    baseUrl: settings.baseUrl,
    ...(settings.realm ? { realm: settings.realm } : {}),
    credentials,
  });
  return createKeycloakDirectory({ admin, ...(settings.portalUrl ? { portalUrl: settings.portalUrl } : {}) });
}
