import type { TListCertificateShipmentsInput } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import { orderVisibilityWhere } from '../order/order-access.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TCertificateShipmentDto {
  id: string;
  shipmentNo: string;
  shippedAt: Date;
  orderNo: string;
  customerName: string;
  lotNos: string[];
  /** The valid certificate, if one was issued. */
  certificate: { id: string; certNo: string } | null;
}

/** Shipments of the caller's plants, newest first, with their valid certificate (to issue one from). */
export async function listCertificateShipments(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListCertificateShipmentsInput,
): Promise<TCertificateShipmentDto[]> {
  const and: Prisma.ShipmentWhereInput[] = [
    { ...tenantFilter(ctx), order: orderVisibilityWhere(ctx, { kind: 'internal' }) },
  ];
  const search = input.search?.trim();
  if (search) {
    const starts = { startsWith: search, mode: 'insensitive' as const };
    and.push({ OR: [{ shipmentNo: starts }, { order: { orderNo: starts } }] });
  }
  const rows = await tx.shipment.findMany({
    where: { AND: and },
    include: {
      order: { select: { orderNo: true, customer: { select: { name: true } } } },
      lines: { select: { lot: { select: { lotNo: true } } } },
      certificates: {
        where: { ...tenantFilter(ctx), status: 'valid' },
        select: { id: true, certNo: true },
      },
    },
    orderBy: [{ shippedAt: 'desc' }, { shipmentNo: 'desc' }],
    take: input.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    shipmentNo: r.shipmentNo,
    shippedAt: r.shippedAt,
    orderNo: r.order.orderNo,
    customerName: r.order.customer.name,
    lotNos: r.lines.map((l) => l.lot?.lotNo).filter((x): x is string => !!x),
    certificate: r.certificates[0] ?? null,
  }));
}
