import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findWorkCenterInScope } from './find-work-center-in-scope.ts';

/** Deletes a line without equipment; CONFLICT while equipment is assigned to it. */
export async function deleteWorkCenter(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<{ id: string }> {
  const line = await findWorkCenterInScope(tx, ctx, input.id);
  const equipment = await tx.equipment.count({ where: { workCenterId: line.id, ...tenantFilter(ctx) } });
  if (equipment > 0) {
    throw new DomainError(
      'CONFLICT',
      `the line still has ${equipment} piece(s) of equipment; delete or move them first`,
      'id',
      { reason: 'has_children', params: { entity: 'line', child: 'equipment', count: equipment } },
    );
  }
  await tx.workCenter.delete({ where: { id: line.id, ...tenantFilter(ctx) } });
  await recordAuditEvent(tx, ctx, {
    action: 'workCenter.delete',
    targetType: 'work_center',
    targetId: line.id,
    details: { plantId: line.plantId, areaId: line.areaId, code: line.code, name: line.name },
  });
  return { id: line.id };
}
