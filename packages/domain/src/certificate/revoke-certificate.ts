import type { TRevokeCertificateInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { certificateVisibilityWhere } from './certificate-access.ts';
import {
  CERTIFICATE_INCLUDE,
  type TCertificateDetailDto,
  toCertificateDetailDto,
} from './certificate-dto.ts';

/** Revokes a valid certificate with a reason; the verification page then says revoked, with the reason. */
export async function revokeCertificate(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TRevokeCertificateInput,
): Promise<TCertificateDetailDto> {
  const cert = await tx.certificate.findFirst({
    where: { id: input.id, ...(await certificateVisibilityWhere(tx, ctx)) },
    select: { id: true, certNo: true, status: true },
  });
  if (!cert) throw DomainError.notFound('certificate', 'id');
  if (cert.status !== 'valid')
    throw new DomainError('CONFLICT', `id: certificate ${cert.certNo} is already revoked`, 'id', {
      reason: 'invalid_transition',
      params: { from: cert.status, to: 'revoked' },
    });
  const row = await tx.certificate.update({
    where: { id: cert.id, ...tenantFilter(ctx) },
    data: { status: 'revoked', revokedAt: new Date(), revokeReason: input.reason },
    include: CERTIFICATE_INCLUDE,
  });
  await recordAuditEvent(tx, ctx, {
    action: 'certificate.revoke',
    targetType: 'certificate',
    targetId: cert.id,
    details: { certNo: cert.certNo, reason: input.reason },
  });
  return toCertificateDetailDto(row);
}
