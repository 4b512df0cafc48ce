import { deterministicId, isUniqueViolation, upsertUserBySubject, withTenant } from '@ingot/db';
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
 * Upsert the administrator's user (global, by subject) and give them a tenant_admin membership of the tenant.
 * Until the identity issue lands, the embedded issuer uses the e-mail address as the subject. An existing
 * membership keeps its roles and gains tenant_admin if it lacked it.
 */
export function ensureAdminMembershipActivity({ db, hooks }: ActivityDeps) {
  return async function ensureAdminMembership(
    input: TEnsureAdminMembershipInput,
  ): Promise<TEnsureAdminMembershipResult> {
    const { tenantId } = input;
    const email = input.email.trim().toLowerCase();
    let userId: string;
    try {
      userId = await upsertUserBySubject(db, { subject: email, email, displayName: input.displayName });
    } catch (err) {
      // The e-mail belongs to a user bound to another identity: linking them by e-mail alone is refused.
      if (isUniqueViolation(err)) {
        throw ApplicationFailure.nonRetryable(
          `${email} belongs to a user with another identity; add them as a member instead`,
          FAILURE_TYPES.conflict,
        );
      }
      throw err;
    }
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
    await hooks?.afterCommit?.('ensureAdminMembership');
    return { userId, membershipId: membership.id };
  };
}
