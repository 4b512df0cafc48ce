import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { orderVisibilityWhere } from './order-access.ts';

/**
 * An order for a change by plant staff (every mutation's permission is staff-only in the table): the tenant and
 * plant-scope filter in the query; NOT_FOUND on `field` otherwise.
 */
export async function findOrderForChange(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const order = await tx.salesOrder.findFirst({
    where: { id, ...orderVisibilityWhere(ctx, { kind: 'internal' }) },
    include: { lines: { orderBy: { lineNo: 'asc' } }, customer: { select: { code: true } } },
  });
  if (!order) throw DomainError.notFound('order', field);
  return order;
}
