import type { TListConnectorsInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';

/** Connectors of the plants the member may see (of one plant when given), by plant then code. */
export async function listConnectors(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListConnectorsInput = {},
): Promise<TConnectorDto[]> {
  const rows = await tx.connector.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.plantId ? { plantId: input.plantId } : {}),
      AND: [plantScopeOnChild(ctx)],
    },
    orderBy: [{ plantId: 'asc' }, { code: 'asc' }],
  });
  const now = Date.now();
  return rows.map((r) => toConnectorDto(r, now));
}
