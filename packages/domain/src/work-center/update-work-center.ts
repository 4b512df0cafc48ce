import type { TUpdateWorkCenterInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findWorkCenterInScope } from './find-work-center-in-scope.ts';
import { type TWorkCenterDto, toWorkCenterDto } from './to-work-center-dto.ts';

export async function updateWorkCenter(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateWorkCenterInput,
): Promise<TWorkCenterDto> {
  const line = await findWorkCenterInScope(tx, ctx, input.id);
  const { id: _id, ...changes } = input;
  const after = await tx.workCenter
    .update({ where: { id: line.id, ...tenantFilter(ctx) }, data: changes })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'a line with this code already exists in the plant',
          params: { entity: 'line' },
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'workCenter.update',
    targetType: 'work_center',
    targetId: line.id,
    details: { changed: changedFields(changes) },
  });
  return toWorkCenterDto(after);
}
