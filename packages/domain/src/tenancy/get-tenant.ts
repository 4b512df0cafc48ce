import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from './tenant-context.ts';
import { type TTenantDto, toTenantDto } from './to-tenant-dto.ts';

/** The caller's active tenant. */
export async function getTenant(tx: TenantTx, ctx: TTenantContext): Promise<TTenantDto> {
  const tenant = await tx.tenant.findUnique({ where: { id: ctx.tenantId } });
  if (!tenant) throw DomainError.notFound('tenant');
  return toTenantDto(tenant);
}
