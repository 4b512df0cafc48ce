import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { findSpcChartInScope } from './find-spc-chart-in-scope.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';

export async function getSpcChart(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TSpcChartDto> {
  return toSpcChartDto(await findSpcChartInScope(tx, ctx, input.id));
}
