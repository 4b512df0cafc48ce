import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/** The chart with this id in the caller's tenant and plant scope; otherwise NOT_FOUND, like a missing one. */
export async function findSpcChartInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.spcChart.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
  });
  if (!row) throw DomainError.notFound('SPC chart', field);
  return row;
}
