import type { TCreateWorkCenterInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { findAreaInScope } from '../area/find-area-in-scope.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TWorkCenterDto, toWorkCenterDto } from './to-work-center-dto.ts';

export async function createWorkCenter(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateWorkCenterInput,
): Promise<TWorkCenterDto> {
  const area = await findAreaInScope(tx, ctx, input.areaId, 'areaId');
  const line = await tx.workCenter
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: area.plantId,
        areaId: area.id,
        code: input.code,
        name: input.name,
        kind: input.kind,
      },
    })
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
    action: 'workCenter.create',
    targetType: 'work_center',
    targetId: line.id,
    details: { plantId: line.plantId, areaId: line.areaId, code: line.code, name: line.name },
  });
  return toWorkCenterDto(line);
}
