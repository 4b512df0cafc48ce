import type { TUpdateMemberInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { assertGrantablePlants } from './assert-grantable-plants.ts';
import { countOtherAdmins } from './count-other-admins.ts';
import { findMemberInTenant } from './find-member-in-tenant.ts';
import { type TMemberDto, toMemberDto } from './to-member-dto.ts';

/**
 * Changes a member's roles and/or plant scope (the list replaces the old one; empty = every plant).
 * The tenant keeps at least one tenant_admin: taking the role from the last one answers CONFLICT on `roles`.
 */
export async function updateMember(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateMemberInput,
): Promise<TMemberDto> {
  const member = await findMemberInTenant(tx, ctx, input.id);
  const plantIds = input.plantIds ? await assertGrantablePlants(tx, ctx, input.plantIds) : undefined;
  if (input.roles) {
    const losesAdmin = member.roles.includes('tenant_admin') && !input.roles.includes('tenant_admin');
    if (losesAdmin && (await countOtherAdmins(tx, ctx, member.id)) === 0) {
      throw new DomainError('CONFLICT', 'the tenant must keep at least one tenant administrator', 'roles', {
        reason: 'last_admin',
      });
    }
    await tx.membership.update({
      where: { id: member.id, ...tenantFilter(ctx) },
      data: { roles: [...new Set(input.roles)] },
    });
  }
  if (plantIds) {
    await tx.membershipPlant.deleteMany({ where: { membershipId: member.id, ...tenantFilter(ctx) } });
    if (plantIds.length > 0) {
      await tx.membershipPlant.createMany({
        data: plantIds.map((plantId) => ({ tenantId: ctx.tenantId, membershipId: member.id, plantId })),
      });
    }
  }
  const after = await findMemberInTenant(tx, ctx, member.id);
  await recordAuditEvent(tx, ctx, {
    action: 'member.update',
    targetType: 'membership',
    targetId: member.id,
    details: { changed: changedFields({ roles: input.roles, plantIds: input.plantIds }), roles: after.roles },
  });
  return toMemberDto(after);
}
