import type { TMoveWorkCenterInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { findAreaInScope } from '../area/find-area-in-scope.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findWorkCenterInScope } from './find-work-center-in-scope.ts';
import { type TWorkCenterDto, toWorkCenterDto } from './to-work-center-dto.ts';

/**
 * Moves a line (with its equipment) to another area, possibly of another plant: both the line's plant and the
 * target plant must be in the caller's scope. The equipment's plant follows through ON UPDATE CASCADE; a code
 * that already exists in the target plant answers CONFLICT.
 */
export async function moveWorkCenter(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TMoveWorkCenterInput,
): Promise<TWorkCenterDto> {
  const line = await findWorkCenterInScope(tx, ctx, input.id);
  const target = await findAreaInScope(tx, ctx, input.areaId, 'areaId');
  const after = await tx.workCenter
    .update({
      where: { id: line.id, ...tenantFilter(ctx) },
      data: { areaId: target.id, plantId: target.plantId },
    })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'areaId',
          message:
            'the target plant already has a line or equipment with the same code as this line or its equipment',
          reason: 'move_code_conflict',
        },
      }),
    );
  await recordAuditEvent(tx, ctx, {
    action: 'workCenter.move',
    targetType: 'work_center',
    targetId: line.id,
    details: {
      fromAreaId: line.areaId,
      toAreaId: target.id,
      fromPlantId: line.plantId,
      toPlantId: target.plantId,
    },
  });
  return toWorkCenterDto(after);
}
