import type { TUpdateConnectorConfigInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findConnectorInScope } from './find-connector-in-scope.ts';
import { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';
import { validateConnectorConfig } from './validate-connector-config.ts';

/**
 * Replaces the connector's configuration YAML after validating it (syntax, then the contracts' ZSourcesConfig);
 * a refused text names the key path and line of the first problems. Each accepted change bumps configVersion.
 */
export async function updateConnectorConfig(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateConnectorConfigInput,
): Promise<TConnectorDto> {
  const before = await findConnectorInScope(tx, ctx, input.id);
  const check = validateConnectorConfig(input.config);
  if (!check.ok) {
    const first = check.issues[0];
    const where = first
      ? `${first.path || 'configuration'}${first.line ? ` (line ${first.line})` : ''}`
      : 'configuration';
    const more = check.issues.length > 1 ? ` (and ${check.issues.length - 1} more)` : '';
    throw new DomainError('BAD_REQUEST', `${where}: ${first?.message ?? 'invalid'}${more}`, 'config');
  }
  if (input.config === before.config) return toConnectorDto(before);
  const row = await tx.connector.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { config: input.config, configVersion: { increment: 1 } },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'connector.update-config',
    targetType: 'connector',
    targetId: row.id,
    details: { code: row.code, configVersion: row.configVersion, bytes: input.config.length },
  });
  return toConnectorDto(row);
}
