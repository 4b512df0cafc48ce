import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findConnectorInScope } from './find-connector-in-scope.ts';
import { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';

/**
 * Revokes the connector's credentials: the hash is erased and revokedAt set, so every later CONNECT is refused
 * (the broker reads the credentials on each connect). Issuing new credentials lifts the revocation.
 */
export async function revokeConnectorCredentials(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TConnectorDto> {
  const before = await findConnectorInScope(tx, ctx, input.id);
  const row = await tx.connector.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { passwordHash: null, revokedAt: before.revokedAt ?? new Date() },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'connector.revoke',
    targetType: 'connector',
    targetId: row.id,
    details: { code: row.code, username: row.username },
  });
  return toConnectorDto(row);
}
