import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { findConnectorInScope } from './find-connector-in-scope.ts';
import { type TConnectorDto, toConnectorDto } from './to-connector-dto.ts';

export async function getConnector(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TConnectorDto> {
  return toConnectorDto(await findConnectorInScope(tx, ctx, input.id));
}
