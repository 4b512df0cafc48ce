import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * Checks an alloy and temper given for a lot: both of the tenant (else NOT_FOUND on the field), and of the same
 * metal family (an aluminium temper on a copper alloy is refused on `temperId`).
 */
export async function resolveAlloyTemper(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { alloyId?: string | null | undefined; temperId?: string | null | undefined },
  fields: { alloyId: string; temperId: string } = { alloyId: 'alloyId', temperId: 'temperId' },
): Promise<{
  alloy: { id: string; code: string; family: string } | null;
  temper: { id: string; code: string; family: string } | null;
}> {
  const alloy = input.alloyId
    ? await tx.alloy.findFirst({
        where: { id: input.alloyId, ...tenantFilter(ctx) },
        select: { id: true, code: true, family: true },
      })
    : null;
  if (input.alloyId && !alloy) throw DomainError.notFound('alloy', fields.alloyId);
  const temper = input.temperId
    ? await tx.temper.findFirst({
        where: { id: input.temperId, ...tenantFilter(ctx) },
        select: { id: true, code: true, family: true },
      })
    : null;
  if (input.temperId && !temper) throw DomainError.notFound('temper', fields.temperId);
  if (alloy && temper && alloy.family !== temper.family) {
    throw new DomainError(
      'BAD_REQUEST',
      `temper ${temper.code} is a ${temper.family} temper; alloy ${alloy.code} is ${alloy.family}`,
      fields.temperId,
      { reason: 'mixed_alloys' },
    );
  }
  return { alloy, temper };
}
