import type { TListSpcChartsInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';

/** The charts of the caller's plants (optionally one plant), by name. */
export async function listSpcCharts(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListSpcChartsInput,
): Promise<TSpcChartDto[]> {
  const rows = await tx.spcChart.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.plantId ? { plantId: input.plantId } : {}),
      AND: [plantScopeOnChild(ctx)],
    },
    orderBy: { name: 'asc' },
  });
  return rows.map(toSpcChartDto);
}
