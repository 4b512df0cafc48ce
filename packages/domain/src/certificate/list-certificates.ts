import type { TListCertificatesInput } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { certificateVisibilityWhere } from './certificate-access.ts';
import { CERTIFICATE_INCLUDE, type TCertificateDto, toCertificateDto } from './certificate-dto.ts';

export interface TCertificateList {
  items: TCertificateDto[];
  total: number;
  nextCursor: number | null;
}

/** Certificates the caller may read (a customer's partner: only its own), newest first. */
export async function listCertificates(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListCertificatesInput,
): Promise<TCertificateList> {
  const and: Prisma.CertificateWhereInput[] = [await certificateVisibilityWhere(tx, ctx)];
  if (input.status) and.push({ status: input.status });
  if (input.shipmentId) and.push({ shipmentId: input.shipmentId });
  const search = input.search?.trim();
  if (search) {
    const starts = { startsWith: search, mode: 'insensitive' as const };
    and.push({
      OR: [
        { certNo: starts },
        { shipment: { shipmentNo: starts } },
        { shipment: { order: { orderNo: starts } } },
      ],
    });
  }
  const where: Prisma.CertificateWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    tx.certificate.findMany({
      where,
      include: CERTIFICATE_INCLUDE,
      orderBy: [{ issuedAt: 'desc' }, { certNo: 'desc' }],
      skip: input.cursor,
      take: input.limit,
    }),
    tx.certificate.count({ where }),
  ]);
  const next = input.cursor + rows.length;
  return { items: rows.map(toCertificateDto), total, nextCursor: next < total ? next : null };
}
