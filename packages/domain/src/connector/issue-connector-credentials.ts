import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { generateConnectorPassword, hashConnectorPassword } from './connector-password.ts';
import { findConnectorInScope } from './find-connector-in-scope.ts';
import { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';

export interface TIssuedConnectorCredentials {
  connector: TConnectorDto;
  username: string;
  /** Shown once: only its scrypt hash is stored. */
  password: string;
}

/**
 * Issues a new random password for the connector (replacing any earlier one, and lifting a revocation). The
 * old password stops working at once: the broker checks the hash on every CONNECT.
 */
export async function issueConnectorCredentials(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TIssuedConnectorCredentials> {
  const before = await findConnectorInScope(tx, ctx, input.id);
  const password = generateConnectorPassword();
  const passwordHash = await hashConnectorPassword(password);
  const row = await tx.connector.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { passwordHash, credentialsIssuedAt: new Date(), revokedAt: null },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'connector.issue-credentials',
    targetType: 'connector',
    targetId: row.id,
    details: {
      code: row.code,
      username: row.username,
      replaced: before.passwordHash !== null,
      wasRevoked: before.revokedAt !== null,
    },
  });
  return { connector: toConnectorDto(row), username: row.username, password };
}
