import type { TSearchLotsInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { lotInclude, type TLotDto, toLotDto } from './lot-dto.ts';

export type TLotMatch = 'id' | 'lotNo' | 'heatNo' | 'castNo' | 'workOrderNo' | 'orderNo';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TLotSearchHit extends TLotDto {
  /** Why it matched: its number, its heat or cast, or the work order / sales order that made or consumed it. */
  matchedBy: TLotMatch;
}

/**
 * The one search box of traceability: a lot id (a scanned label), a lot number (or its beginning), a heat or cast number, a work order number
 * or a sales order number. For an order, the lots its work orders produced, consumed or shipped. Case-insensitive;
 * tenant and plant scope in every query.
 */
export async function searchLots(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSearchLotsInput,
): Promise<TLotSearchHit[]> {
  if (input.plantId) await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const q = input.q;
  const lotScope = {
    ...tenantFilter(ctx),
    AND: [plantScopeOnChild(ctx)],
    ...(input.plantId ? { plantId: input.plantId } : {}),
  };
  const hits = new Map<string, TLotSearchHit>();
  const add = (rows: Parameters<typeof toLotDto>[0][], matchedBy: TLotMatch) => {
    for (const r of rows) if (!hits.has(r.id)) hits.set(r.id, { ...toLotDto(r), matchedBy });
  };

  if (UUID_RE.test(q)) {
    const byId = await tx.materialLot.findMany({
      where: { ...lotScope, id: q.toLowerCase() },
      include: lotInclude,
    });
    add(byId, 'id');
  }
  const [byNo, byHeat, byCast] = await Promise.all([
    tx.materialLot.findMany({
      where: { ...lotScope, lotNo: { startsWith: q, mode: 'insensitive' } },
      include: lotInclude,
      orderBy: { lotNo: 'asc' },
      take: input.limit,
    }),
    tx.materialLot.findMany({
      where: { ...lotScope, heatNo: { equals: q, mode: 'insensitive' } },
      include: lotInclude,
      orderBy: { id: 'asc' },
      take: input.limit,
    }),
    tx.materialLot.findMany({
      where: { ...lotScope, castNo: { equals: q, mode: 'insensitive' } },
      include: lotInclude,
      orderBy: { id: 'asc' },
      take: input.limit,
    }),
  ]);
  add(byNo, 'lotNo');
  add(byHeat, 'heatNo');
  add(byCast, 'castNo');

  const workOrders = await tx.workOrder.findMany({
    where: {
      ...tenantFilter(ctx),
      AND: [plantScopeOnChild(ctx)],
      OR: [
        { workOrderNo: { equals: q, mode: 'insensitive' } },
        {
          orderLine: {
            ...tenantFilter(ctx),
            order: { ...tenantFilter(ctx), orderNo: { equals: q, mode: 'insensitive' } },
          },
        },
      ],
    },
    select: { id: true, workOrderNo: true },
    take: 200,
  });
  if (workOrders.length > 0) {
    const woIds = workOrders.map((w) => w.id);
    const matchedBy: TLotMatch = workOrders.some((w) => w.workOrderNo.toLowerCase() === q.toLowerCase())
      ? 'workOrderNo'
      : 'orderNo';
    const produced = await tx.materialLot.findMany({
      where: { ...lotScope, workOrderId: { in: woIds } },
      include: lotInclude,
      orderBy: { id: 'asc' },
      take: input.limit,
    });
    // Lots the work orders took in: parents of links made by their operations.
    const operations = await tx.workOrderOperation.findMany({
      where: { ...tenantFilter(ctx), workOrderId: { in: woIds } },
      select: { id: true },
    });
    const consumed = await tx.materialLot.findMany({
      where: {
        ...lotScope,
        childLinks: { some: { ...tenantFilter(ctx), operationId: { in: operations.map((o) => o.id) } } },
      },
      include: lotInclude,
      orderBy: { id: 'asc' },
      take: input.limit,
    });
    add(produced, matchedBy);
    add(consumed, matchedBy);
  }
  const orderShipped = await tx.materialLot.findMany({
    where: {
      ...lotScope,
      shipmentLines: {
        some: {
          ...tenantFilter(ctx),
          shipment: { ...tenantFilter(ctx), order: { orderNo: { equals: q, mode: 'insensitive' } } },
        },
      },
    },
    include: lotInclude,
    orderBy: { id: 'asc' },
    take: input.limit,
  });
  add(orderShipped, 'orderNo');
  return [...hits.values()].slice(0, input.limit);
}
