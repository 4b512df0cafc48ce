import type { TCreateConnectorInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { connectorUsername } from './connector-username.ts';
import { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';

/** Creates a connector in a plant, with its generated MQTT username and no credentials yet. */
export async function createConnector(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateConnectorInput,
): Promise<TConnectorDto> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const tenant = await tx.tenant.findFirst({ where: { id: ctx.tenantId }, select: { slug: true } });
  if (!tenant) throw DomainError.notFound('tenant');
  const row = await tx.connector
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: plant.id,
        code: input.code,
        name: input.name,
        username: connectorUsername(tenant.slug, input.code),
      },
    })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'a connector with this code already exists',
          params: { entity: 'connector' },
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'connector.create',
    targetType: 'connector',
    targetId: row.id,
    details: { code: row.code, name: row.name, plantId: plant.id, username: row.username },
  });
  return toConnectorDto(row);
}
