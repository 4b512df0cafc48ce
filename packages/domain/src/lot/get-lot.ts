import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findLotInScope } from './find-lot-in-scope.ts';
import { type TLotDto, toLotDto } from './lot-dto.ts';

export interface TLotLinkDto {
  parentLotId: string;
  childLotId: string;
  /** split, split_scrap, merge, transform */
  kind: string;
  weightKg: number;
  operationId: string | null;
  at: Date;
}

export interface TLotDetail extends TLotDto {
  /** The lots it was made from (one generation). */
  parents: Array<TLotLinkDto & { lotNo: string }>;
  /** The lots made from it (one generation). */
  children: Array<TLotLinkDto & { lotNo: string }>;
}

/** One lot with its direct parents and children (the full tree is `lotGenealogy`). */
export async function getLot(tx: TenantTx, ctx: TTenantContext, input: { id: string }): Promise<TLotDetail> {
  const lot = await findLotInScope(tx, ctx, input.id);
  const [up, down] = await Promise.all([
    tx.lotLink.findMany({
      where: { childLotId: lot.id, ...tenantFilter(ctx), parent: { ...tenantFilter(ctx) } },
      include: { parent: { select: { lotNo: true } } },
      orderBy: { at: 'asc' },
    }),
    tx.lotLink.findMany({
      where: { parentLotId: lot.id, ...tenantFilter(ctx), child: { ...tenantFilter(ctx) } },
      include: { child: { select: { lotNo: true } } },
      orderBy: { at: 'asc' },
    }),
  ]);
  const link = (l: (typeof up)[number] | (typeof down)[number]): TLotLinkDto => ({
    parentLotId: l.parentLotId,
    childLotId: l.childLotId,
    kind: l.kind,
    weightKg: l.weightKg,
    operationId: l.operationId,
    at: l.at,
  });
  return {
    ...toLotDto(lot),
    parents: up.map((l) => ({ ...link(l), lotNo: l.parent.lotNo })),
    children: down.map((l) => ({ ...link(l), lotNo: l.child.lotNo })),
  };
}
