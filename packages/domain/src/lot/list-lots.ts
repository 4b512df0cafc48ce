import type { TListLotsInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { lotInclude, type TLotDto, toLotDto } from './lot-dto.ts';

export interface TLotPage {
  items: TLotDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Lots of the member's plants (or one plant), newest first, filtered by status, kind, alloy and location. */
export async function listLots(tx: TenantTx, ctx: TTenantContext, input: TListLotsInput): Promise<TLotPage> {
  if (input.plantId) await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const rows = await tx.materialLot.findMany({
    where: {
      ...tenantFilter(ctx),
      AND: [plantScopeOnChild(ctx)],
      ...(input.plantId ? { plantId: input.plantId } : {}),
      ...(input.status && input.status.length > 0 ? { status: { in: input.status } } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.alloyId ? { alloyId: input.alloyId } : {}),
      ...(input.location ? { location: { startsWith: input.location, mode: 'insensitive' as const } } : {}),
    },
    include: lotInclude,
    // uuid v7 ids grow with time: id order is creation order, and a stable cursor.
    orderBy: { id: 'desc' },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > input.limit;
  const items = (more ? rows.slice(0, input.limit) : rows).map(toLotDto);
  return { items, nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
}
