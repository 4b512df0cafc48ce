import type { TGetCertificateInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { certificateVisibilityWhere } from './certificate-access.ts';
import {
  CERTIFICATE_INCLUDE,
  type TCertificateDetailDto,
  toCertificateDetailDto,
} from './certificate-dto.ts';

/** One certificate with its frozen content, if the caller may read it; NOT_FOUND otherwise (like a missing one). */
export async function getCertificate(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TGetCertificateInput,
): Promise<TCertificateDetailDto> {
  const row = await tx.certificate.findFirst({
    where: { id: input.id, ...(await certificateVisibilityWhere(tx, ctx)) },
    include: CERTIFICATE_INCLUDE,
  });
  if (!row) throw DomainError.notFound('certificate', 'id');
  return toCertificateDetailDto(row);
}
