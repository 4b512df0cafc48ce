import type { TListOrdersInput } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { orderVisibilityWhere, resolveOrderAccess } from './order-access.ts';
import { ORDER_SUMMARY_INCLUDE, type TOrderSummaryDto, toOrderSummaryDto } from './order-dto.ts';

export interface TOrderList {
  items: TOrderSummaryDto[];
  total: number;
  nextCursor: number | null;
}

/**
 * Orders the caller may read, newest first, filtered by status, customer, plant, requested-date range and a search
 * over order no., customer PO and customer name (partners search order numbers only: matching other customers'
 * names would reveal them).
 */
export async function listOrders(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListOrdersInput,
): Promise<TOrderList> {
  const access = await resolveOrderAccess(tx, ctx);
  const search = input.search?.trim();
  const and: Prisma.SalesOrderWhereInput[] = [orderVisibilityWhere(ctx, access)];
  if (input.status?.length) and.push({ status: { in: input.status } });
  if (input.customerId) and.push({ customerId: input.customerId });
  if (input.plantId) and.push({ plantId: input.plantId });
  if (input.from) and.push({ requestedDate: { gte: input.from } });
  if (input.to) and.push({ requestedDate: { lte: input.to } });
  if (search) {
    const contains = { contains: search, mode: 'insensitive' as const };
    and.push(
      access.kind === 'internal'
        ? { OR: [{ orderNo: contains }, { customerPo: contains }, { customer: { name: contains } }] }
        : { orderNo: contains },
    );
  }
  const where: Prisma.SalesOrderWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    tx.salesOrder.findMany({
      where,
      include: ORDER_SUMMARY_INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { orderNo: 'desc' }],
      skip: input.cursor,
      take: input.limit,
    }),
    tx.salesOrder.count({ where }),
  ]);
  const next = input.cursor + rows.length;
  return {
    items: rows.map((r) => toOrderSummaryDto(r, access)),
    total,
    nextCursor: next < total ? next : null,
  };
}
