import { z } from 'zod';
import { ZReason } from './lots.ts';
import { ZId } from './tenancy.ts';

/** Mill test certificates and traceability (issue 6): API input shapes of `certificate.*` and `lot.trace`. */

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export const ZCertificateStatus = z.enum(CERTIFICATE_STATUSES);
export type TCertificateStatus = z.infer<typeof ZCertificateStatus>;

/** Issue the mill test certificate (EN 10204 3.1) of one shipment. */
export const ZIssueCertificateInput = z.object({ shipmentId: ZId });
export type TIssueCertificateInput = z.infer<typeof ZIssueCertificateInput>;

export const ZRevokeCertificateInput = z.object({ id: ZId, reason: ZReason });
export type TRevokeCertificateInput = z.infer<typeof ZRevokeCertificateInput>;

export const ZGetCertificateInput = z.object({ id: ZId });
export type TGetCertificateInput = z.infer<typeof ZGetCertificateInput>;

export const ZListCertificatesInput = z.object({
  status: ZCertificateStatus.optional(),
  shipmentId: ZId.optional(),
  /** Certificate, shipment or order number (beginning). */
  search: z.string().trim().max(40, 'at most 40 characters').optional(),
  cursor: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(50),
});
export type TListCertificatesInput = z.infer<typeof ZListCertificatesInput>;

/** Shipments a certificate can be issued for (internal users), newest first, with their certificates. */
export const ZListCertificateShipmentsInput = z.object({
  search: z.string().trim().max(40, 'at most 40 characters').optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type TListCertificateShipmentsInput = z.infer<typeof ZListCertificateShipmentsInput>;

/** The public verification token: 128 random bits, base64url without padding (22 characters). */
export const VERIFY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Traceability: one search box (coil/lot number, heat or cast number, work or sales order number). */
export const ZTraceLotInput = z.object({
  q: z.string().trim().min(2, 'type at least 2 characters').max(40, 'at most 40 characters'),
  /** The lot to trace among the search hits; the first hit when absent. */
  lotId: ZId.optional(),
});
export type TTraceLotInput = z.infer<typeof ZTraceLotInput>;
