import type { TUpdateTenantInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from './tenant-context.ts';
import { type TTenantDto, toTenantDto } from './to-tenant-dto.ts';

/**
 * Renames the active tenant, changes its default locale or its second-factor rule. The slug never changes (it names
 * workflow ids). The identity server's side of the second-factor rule is the API's job (it holds the directory).
 */
export async function updateTenant(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateTenantInput,
): Promise<TTenantDto> {
  const tenant = await tx.tenant.update({ where: { id: ctx.tenantId }, data: input });
  await recordAuditEvent(tx, ctx, {
    action: 'tenant.update',
    targetType: 'tenant',
    targetId: ctx.tenantId,
    details: { changed: changedFields(input) },
  });
  return toTenantDto(tenant);
}
