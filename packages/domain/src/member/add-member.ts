import type { TAddMemberInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { assertGrantablePlants } from './assert-grantable-plants.ts';
import { memberInclude } from './member-include.ts';
import { type TMemberDto, toMemberDto } from './to-member-dto.ts';

export interface TAddMemberDeps {
  /** Finds or creates the platform user for this address (users are global; see upsertUserBySubject). */
  resolveUserId: (person: { email: string; displayName: string }) => Promise<string>;
}

/** Adds a person to the tenant with roles and an optional plant scope. CONFLICT on `email` if already a member. */
export async function addMember(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TAddMemberInput,
  deps: TAddMemberDeps,
): Promise<TMemberDto> {
  const plantIds = await assertGrantablePlants(tx, ctx, input.plantIds);
  const email = input.email.trim().toLowerCase();
  const userId = await deps.resolveUserId({ email, displayName: input.displayName });
  const existing = await tx.membership.findFirst({
    where: { userId, ...tenantFilter(ctx) },
    select: { id: true },
  });
  if (existing) {
    throw new DomainError('CONFLICT', 'this person is already a member of the tenant', 'email', {
      reason: 'already_member',
    });
  }
  const created = await tx.membership.create({
    data: { tenantId: ctx.tenantId, userId, roles: [...new Set(input.roles)] },
  });
  if (plantIds.length > 0) {
    await tx.membershipPlant.createMany({
      data: plantIds.map((plantId) => ({ tenantId: ctx.tenantId, membershipId: created.id, plantId })),
    });
  }
  const member = await tx.membership.findFirstOrThrow({
    where: { id: created.id, ...tenantFilter(ctx) },
    include: memberInclude,
  });
  await recordAuditEvent(tx, ctx, {
    action: 'member.add',
    targetType: 'membership',
    targetId: created.id,
    details: { userId, roles: member.roles, plantIds },
  });
  return toMemberDto(member);
}
