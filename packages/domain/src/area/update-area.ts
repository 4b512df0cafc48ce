import type { TUpdateAreaInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findAreaInScope } from './find-area-in-scope.ts';
import { type TAreaDto, toAreaDto } from './to-area-dto.ts';

export async function updateArea(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateAreaInput,
): Promise<TAreaDto> {
  const area = await findAreaInScope(tx, ctx, input.id);
  const { id: _id, ...changes } = input;
  const after = await tx.area
    .update({ where: { id: area.id, ...tenantFilter(ctx) }, data: changes })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'an area with this code already exists in the plant',
          params: { entity: 'area' },
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'area.update',
    targetType: 'area',
    targetId: area.id,
    details: { changed: changedFields(changes) },
  });
  return toAreaDto(after);
}
