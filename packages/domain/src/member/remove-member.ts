import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { countOtherAdmins } from './count-other-admins.ts';
import { findMemberInTenant } from './find-member-in-tenant.ts';

/**
 * Removes a member from the tenant (the user stays on the platform). The last tenant_admin cannot be removed.
 * Access ends at once: every request checks the membership. Returns the address, for the identity directory.
 */
export async function removeMember(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<{ id: string; email: string }> {
  const member = await findMemberInTenant(tx, ctx, input.id);
  if (member.roles.includes('tenant_admin') && (await countOtherAdmins(tx, ctx, member.id)) === 0) {
    throw new DomainError('CONFLICT', 'the tenant must keep at least one tenant administrator', 'id', {
      reason: 'last_admin',
    });
  }
  await tx.membership.delete({ where: { id: member.id, ...tenantFilter(ctx) } });
  await recordAuditEvent(tx, ctx, {
    action: 'member.remove',
    targetType: 'membership',
    targetId: member.id,
    details: { userId: member.userId, roles: member.roles },
  });
  return { id: member.id, email: member.user.email };
}
