import type { TLotGenealogyInput } from '@ingot/contracts';
import { Prisma, type TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findLotInScope } from './find-lot-in-scope.ts';
import { lotInclude, type TLotDto, toLotDto } from './lot-dto.ts';
import { plantCondition, tenantCondition } from './scope-sql.ts';

/** One lot of a genealogy, with where it sits and what made it. */
export interface TGenealogyLot extends TLotDto {
  /** Generations from the lot asked about: negative = ancestors (backward), positive = descendants (forward). */
  depth: number;
  /** The operation that produced it, with the machine and times (null for received or cast-by-hand lots). */
  producedBy: {
    operationId: string;
    operationCode: string;
    seq: number;
    workOrderNo: string;
    /** The machine it ran on, and when: the window to read its process data (telemetry) for. */
    equipmentId: string | null;
    equipmentCode: string | null;
    actualStart: Date | null;
    actualEnd: Date | null;
  } | null;
  /** Shipments that carried it (forward genealogy ends here), with the order and customer. */
  shipments: Array<{
    shipmentNo: string;
    shippedAt: Date;
    orderNo: string;
    customerCode: string;
    customerName: string;
    quantity: number;
  }>;
}

export interface TGenealogyLink {
  parentLotId: string;
  childLotId: string;
  kind: string;
  weightKg: number;
  operationId: string | null;
  at: Date;
}

/** A tree over lot ids (lots are in `lots`); a lot reached by two paths (merge then split) appears under both. */
export interface TGenealogyTree {
  lotId: string;
  /** Generations from the root of this tree (0 = the lot asked about). */
  depth: number;
  /** The link to the node above (null at the root). */
  link: TGenealogyLink | null;
  children: TGenealogyTree[];
}

export interface TLotGenealogy {
  rootLotId: string;
  lots: TGenealogyLot[];
  links: TGenealogyLink[];
  /** Ancestors: children of a node are the lots it was made from, up to the cast/heat. */
  backward: TGenealogyTree | null;
  /** Descendants: children of a node are the lots made from it, down to shipped lots. */
  forward: TGenealogyTree | null;
  /** True when a branch was cut at maxDepth. */
  truncated: boolean;
}

type TWalkRow = { lot_id: string; depth: number };

/**
 * Walks lot_link up (to parents) or down (to children) from `rootId` with a recursive CTE. Every step of the
 * recursion carries the tenant condition on the link and on the lot it reaches (and the member's plant scope on
 * the lot), so a link can never lead into another tenant's lots — not even a forged one — and RLS is the
 * second wall. Cycles are cut by the path array; depth is bounded.
 */
async function walk(
  tx: TenantTx,
  ctx: TTenantContext,
  rootId: string,
  direction: 'up' | 'down',
  maxDepth: number,
): Promise<TWalkRow[]> {
  const [from, to] =
    direction === 'up' ? ['child_lot_id', 'parent_lot_id'] : ['parent_lot_id', 'child_lot_id'];
  const fromCol = Prisma.raw(`k.${from}`);
  const toCol = Prisma.raw(`k.${to}`);
  return tx.$queryRaw<TWalkRow[]>(Prisma.sql`
    WITH RECURSIVE walk(lot_id, depth, path) AS (
      SELECT l.id, 0, ARRAY[l.id]
        FROM material_lot l
       WHERE l.id = ${rootId}::uuid ${tenantCondition(ctx, 'l')} ${plantCondition(ctx, 'l')}
      UNION ALL
      SELECT n.id, w.depth + 1, w.path || n.id
        FROM walk w
        JOIN lot_link k ON ${fromCol} = w.lot_id ${tenantCondition(ctx, 'k')}
        JOIN material_lot n ON n.id = ${toCol} ${tenantCondition(ctx, 'n')} ${plantCondition(ctx, 'n')}
       WHERE w.depth < ${maxDepth + 1}::int AND NOT (n.id = ANY(w.path))
    )
    SELECT lot_id::text AS lot_id, MIN(depth)::int AS depth FROM walk GROUP BY lot_id`);
}

function buildTree(
  rootId: string,
  links: readonly TGenealogyLink[],
  direction: 'up' | 'down',
  known: ReadonlySet<string>,
  maxDepth: number,
): TGenealogyTree {
  const next = new Map<string, TGenealogyLink[]>();
  for (const l of links) {
    const key = direction === 'up' ? l.childLotId : l.parentLotId;
    const list = next.get(key) ?? [];
    list.push(l);
    next.set(key, list);
  }
  const grow = (
    lotId: string,
    depth: number,
    link: TGenealogyLink | null,
    path: Set<string>,
  ): TGenealogyTree => {
    const node: TGenealogyTree = { lotId, depth, link, children: [] };
    if (depth >= maxDepth) return node;
    for (const l of next.get(lotId) ?? []) {
      const other = direction === 'up' ? l.parentLotId : l.childLotId;
      if (!known.has(other) || path.has(other)) continue;
      node.children.push(grow(other, depth + 1, l, new Set([...path, other])));
    }
    return node;
  };
  return grow(rootId, 0, null, new Set([rootId]));
}

/**
 * A lot's genealogy: backward to the cast/heat it came from, forward to the lots made from it and the shipments
 * that carried them, as trees with depth plus the flat list of lots and links. Lots outside the member's plant
 * scope are not followed (the walk stops there, as for a missing row).
 */
export async function lotGenealogy(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TLotGenealogyInput,
): Promise<TLotGenealogy> {
  const root = await findLotInScope(tx, ctx, input.id);
  const wantUp = input.direction !== 'forward';
  const wantDown = input.direction !== 'backward';
  const up = wantUp ? await walk(tx, ctx, root.id, 'up', input.maxDepth) : [];
  const down = wantDown ? await walk(tx, ctx, root.id, 'down', input.maxDepth) : [];
  const truncated = [...up, ...down].some((r) => r.depth > input.maxDepth);
  const upIds = new Set(up.filter((r) => r.depth <= input.maxDepth).map((r) => r.lot_id));
  const downIds = new Set(down.filter((r) => r.depth <= input.maxDepth).map((r) => r.lot_id));
  upIds.add(root.id);
  downIds.add(root.id);
  const depthOf = new Map<string, number>();
  for (const r of up) if (r.depth <= input.maxDepth) depthOf.set(r.lot_id, -r.depth);
  for (const r of down) if (r.depth <= input.maxDepth) depthOf.set(r.lot_id, r.depth);
  depthOf.set(root.id, 0);
  const ids = [...new Set([...upIds, ...downIds])];

  const [rows, linkRows, shipmentRows] = await Promise.all([
    tx.materialLot.findMany({
      where: { id: { in: ids }, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
      include: {
        ...lotInclude,
        operation: {
          select: {
            id: true,
            operationCode: true,
            seq: true,
            actualStart: true,
            actualEnd: true,
            actualEquipmentId: true,
            workOrder: { select: { workOrderNo: true } },
          },
        },
      },
    }),
    tx.lotLink.findMany({
      where: {
        ...tenantFilter(ctx),
        OR: [
          { childLotId: { in: [...upIds] }, parentLotId: { in: [...upIds] } },
          { childLotId: { in: [...downIds] }, parentLotId: { in: [...downIds] } },
        ],
      },
      orderBy: [{ at: 'asc' }, { childLotId: 'asc' }],
    }),
    tx.shipmentLine.findMany({
      where: { lotId: { in: ids }, ...tenantFilter(ctx) },
      include: {
        shipment: {
          select: {
            shipmentNo: true,
            shippedAt: true,
            order: { select: { orderNo: true, customer: { select: { code: true, name: true } } } },
          },
        },
      },
    }),
  ]);
  const equipmentIds = [
    ...new Set(rows.map((r) => r.operation?.actualEquipmentId).filter((x): x is string => !!x)),
  ];
  const equipment = equipmentIds.length
    ? await tx.equipment.findMany({
        where: { id: { in: equipmentIds }, ...tenantFilter(ctx) },
        select: { id: true, code: true },
      })
    : [];
  const codeOf = new Map(equipment.map((e) => [e.id, e.code]));

  const lots: TGenealogyLot[] = rows
    .map((r) => ({
      ...toLotDto(r),
      depth: depthOf.get(r.id) ?? 0,
      producedBy: r.operation
        ? {
            operationId: r.operation.id,
            operationCode: r.operation.operationCode,
            seq: r.operation.seq,
            workOrderNo: r.operation.workOrder.workOrderNo,
            equipmentId: r.operation.actualEquipmentId,
            equipmentCode: r.operation.actualEquipmentId
              ? (codeOf.get(r.operation.actualEquipmentId) ?? null)
              : null,
            actualStart: r.operation.actualStart,
            actualEnd: r.operation.actualEnd,
          }
        : null,
      shipments: shipmentRows
        .filter((s) => s.lotId === r.id)
        .map((s) => ({
          shipmentNo: s.shipment.shipmentNo,
          shippedAt: s.shipment.shippedAt,
          orderNo: s.shipment.order.orderNo,
          customerCode: s.shipment.order.customer.code,
          customerName: s.shipment.order.customer.name,
          quantity: s.quantity,
        })),
    }))
    .sort((a, b) => a.depth - b.depth || a.lotNo.localeCompare(b.lotNo, 'en', { numeric: true }));
  const visible = new Set(lots.map((l) => l.id));
  const links: TGenealogyLink[] = linkRows
    .filter((l) => visible.has(l.parentLotId) && visible.has(l.childLotId))
    .map((l) => ({
      parentLotId: l.parentLotId,
      childLotId: l.childLotId,
      kind: l.kind,
      weightKg: l.weightKg,
      operationId: l.operationId,
      at: l.at,
    }));
  const upLinks = links.filter((l) => upIds.has(l.parentLotId) && upIds.has(l.childLotId));
  const downLinks = links.filter((l) => downIds.has(l.parentLotId) && downIds.has(l.childLotId));
  return {
    rootLotId: root.id,
    lots,
    links,
    backward: wantUp ? buildTree(root.id, upLinks, 'up', visible, input.maxDepth) : null,
    forward: wantDown ? buildTree(root.id, downLinks, 'down', visible, input.maxDepth) : null,
    truncated,
  };
}
