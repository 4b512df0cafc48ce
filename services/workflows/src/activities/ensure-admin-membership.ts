import { deterministicId, upsertUserBySubject, withTenant } from '@ingot/db';
import { ApplicationFailure } from '@temporalio/activity';
import { FAILURE_TYPES } from '../workflows/failure-types.ts';
import type { ActivityDeps } from './deps.ts';

export interface TEnsureAdminMembershipInput {
  tenantId: string;
  email: string;
  displayName: string;
}
export interface TEnsureAdminMembershipResult {
  userId: string;
  membershipId: string;
}

const ADMIN_ROLE = 'tenant_admin';

/**
 * Give the administrator a tenant_admin membership of the tenant: their user is found by e-mail or created as a
 * pending row that their first sign-in binds to their identity (exactly as a member invite does, so it works with
 * Keycloak's subjects and the embedded issuer's alike). An existing membership keeps its roles and gains
 * tenant_admin. With Keycloak, their account is found or created there too (realm role tenant-admin, hence a
 * second factor; the tenant's group). A temporary password is never returned: it would be written into the
 * workflow's history; the platform administrator issues one from the portal (platform.issueFirstPassword).
 */
export function ensureAdminMembershipActivity({ db, directory, hooks }: ActivityDeps) {
  return async function ensureAdminMembership(
    input: TEnsureAdminMembershipInput,
  ): Promise<TEnsureAdminMembershipResult> {
    const { tenantId } = input;
    const email = input.email.trim().toLowerCase();
    // Never a conflict: without a subject an existing user of that e-mail is linked, else a pending one created.
    const userId = await upsertUserBySubject(db, { subject: null, email, displayName: input.displayName });
    const membership = await withTenant(db, { tenantId, userId }, async (tx) => {
      await tx.membership.createMany({
        data: [
          { id: deterministicId(tenantId, `membership:${userId}`), tenantId, userId, roles: [ADMIN_ROLE] },
        ],
        skipDuplicates: true,
      });
      const row = await tx.membership.findUnique({
        where: { tenantId_userId: { tenantId, userId } },
        select: { id: true, roles: true },
      });
      if (row && !row.roles.includes(ADMIN_ROLE)) {
        await tx.membership.update({ where: { id: row.id }, data: { roles: { push: ADMIN_ROLE } } });
      }
      return row;
    });
    if (!membership) {
      throw ApplicationFailure.nonRetryable(
        `membership of user ${userId} in tenant ${tenantId} neither inserted nor found`,
        FAILURE_TYPES.conflict,
      );
    }
    if (directory) {
      const tenant = await withTenant(db, { tenantId }, (tx) =>
        tx.tenant.findUniqueOrThrow({
          where: { id: tenantId },
          select: { id: true, slug: true, name: true },
        }),
      );
      // Idempotent: an existing account is linked, roles and group are only added.
      await directory.provisionMember({ email, displayName: input.displayName, roles: [ADMIN_ROLE], tenant });
    }
    await hooks?.afterCommit?.('ensureAdminMembership');
    return { userId, membershipId: membership.id };
  };
}
