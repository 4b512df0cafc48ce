import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findAreaInScope } from './find-area-in-scope.ts';

/** Deletes an area without lines; CONFLICT while lines hang under it. */
export async function deleteArea(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<{ id: string }> {
  const area = await findAreaInScope(tx, ctx, input.id);
  const lines = await tx.workCenter.count({ where: { areaId: area.id, ...tenantFilter(ctx) } });
  if (lines > 0) {
    throw new DomainError(
      'CONFLICT',
      `the area still has ${lines} line(s); delete or move them first`,
      'id',
      {
        reason: 'has_children',
        params: { entity: 'area', child: 'line', count: lines },
      },
    );
  }
  await tx.area.delete({ where: { id: area.id, ...tenantFilter(ctx) } });
  await recordAuditEvent(tx, ctx, {
    action: 'area.delete',
    targetType: 'area',
    targetId: area.id,
    details: { plantId: area.plantId, code: area.code, name: area.name },
  });
  return { id: area.id };
}
