import type { TCertificateStatus } from '@ingot/contracts';
import type { TCertificateContent } from './certificate-content.ts';

/** What the portal lists and the PDF route prints. */
export interface TCertificateDto {
  id: string;
  certNo: string;
  shipmentId: string;
  shipmentNo: string;
  orderNo: string;
  customerName: string;
  status: TCertificateStatus;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string;
  contentHash: string;
  /** The public verification token (in the QR code): whoever may read the certificate may hold it. */
  verifyToken: string;
}

export interface TCertificateDetailDto extends TCertificateDto {
  content: TCertificateContent;
}

export const CERTIFICATE_INCLUDE = {
  shipment: {
    select: {
      shipmentNo: true,
      order: { select: { orderNo: true, customer: { select: { name: true } } } },
    },
  },
} as const;

export interface TCertificateRow {
  id: string;
  certNo: string;
  shipmentId: string;
  status: string;
  issuedAt: Date;
  revokedAt: Date | null;
  revokeReason: string;
  contentHash: string;
  verifyToken: string;
  content: unknown;
  shipment: { shipmentNo: string; order: { orderNo: string; customer: { name: string } } };
}

export function toCertificateDto(row: TCertificateRow): TCertificateDto {
  return {
    id: row.id,
    certNo: row.certNo,
    shipmentId: row.shipmentId,
    shipmentNo: row.shipment.shipmentNo,
    orderNo: row.shipment.order.orderNo,
    customerName: row.shipment.order.customer.name,
    status: row.status === 'revoked' ? 'revoked' : 'valid',
    issuedAt: row.issuedAt,
    revokedAt: row.revokedAt,
    revokeReason: row.revokeReason,
    contentHash: row.contentHash,
    verifyToken: row.verifyToken,
  };
}

export function toCertificateDetailDto(row: TCertificateRow): TCertificateDetailDto {
  return { ...toCertificateDto(row), content: row.content as TCertificateContent };
}
