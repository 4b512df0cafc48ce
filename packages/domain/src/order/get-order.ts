import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { ORDER_SHARE_TARGET, orderVisibilityWhere, resolveOrderAccess } from './order-access.ts';
import { ORDER_SUMMARY_INCLUDE, type TOrderDetailDto, toOrderSummaryDto } from './order-dto.ts';

/** One order with lines, timeline and shipments, if the caller may read it; otherwise NOT_FOUND. */
export async function getOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TOrderDetailDto> {
  const access = await resolveOrderAccess(tx, ctx);
  const internal = access.kind === 'internal';
  const row = await tx.salesOrder.findFirst({
    where: { id: input.id, ...orderVisibilityWhere(ctx, access) },
    include: {
      ...ORDER_SUMMARY_INCLUDE,
      lines: {
        orderBy: { lineNo: 'asc' },
        include: {
          spec: {
            select: {
              id: true,
              code: true,
              productFamily: true,
              thicknessMm: true,
              widthMm: true,
              lengthMm: true,
              alloy: { select: { code: true } },
              temper: { select: { code: true } },
            },
          },
          workOrders: {
            select: { id: true, workOrderNo: true, status: true, outputT: true, inputT: true },
            orderBy: { workOrderNo: 'asc' },
          },
        },
      },
      events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      shipments: { orderBy: { shippedAt: 'asc' }, include: { lines: true } },
    },
  });
  if (!row) throw DomainError.notFound('order', 'id');
  const shares = internal
    ? await tx.partnerShare.findMany({
        where: { targetType: ORDER_SHARE_TARGET, targetId: row.id, ...tenantFilter(ctx) },
        include: { partnership: { select: { kind: true } } },
        orderBy: { createdAt: 'asc' },
      })
    : [];
  return {
    ...toOrderSummaryDto(row, access),
    notes: internal ? row.notes : '',
    lines: row.lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      spec: {
        id: l.spec.id,
        code: l.spec.code,
        productFamily: l.spec.productFamily,
        alloyCode: l.spec.alloy.code,
        temperCode: l.spec.temper.code,
        thicknessMm: l.spec.thicknessMm,
        widthMm: l.spec.widthMm,
        lengthMm: l.spec.lengthMm,
      },
      quantity: l.quantity,
      unit: l.unit,
      shippedQuantity: l.shippedQuantity,
      requestedDate: l.requestedDate,
      promisedDate: l.promisedDate,
      status: l.status,
      workOrders: internal ? l.workOrders : [],
    })),
    events: row.events
      .filter((e) => internal || (e.kind !== 'shared' && e.kind !== 'unshared'))
      .map((e) => ({
        id: e.id,
        at: e.at,
        kind: e.kind,
        lineId: e.lineId,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        details: internal ? e.details : {},
        actorUserId: internal ? e.actorUserId : null,
      })),
    shipments: row.shipments.map((s) => ({
      id: s.id,
      shipmentNo: s.shipmentNo,
      shippedAt: s.shippedAt,
      carrier: s.carrier,
      vehicleNo: s.vehicleNo,
      lines: s.lines.map((sl) => ({ lineId: sl.lineId, quantity: sl.quantity, lotId: sl.lotId })),
    })),
    sharedWith: shares.map((s) => ({ partnershipId: s.partnershipId, kind: s.partnership.kind })),
  };
}
