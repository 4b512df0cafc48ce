import type { TLotStatus } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { lotInclude } from './lot-dto.ts';

/**
 * Changes a lot's status only if it still has the status it was read with (compare-and-set): two operators taking
 * the same coil at the same moment cannot both succeed — the second waits for the first's row lock, then finds
 * the status changed and gets CONFLICT on `field`.
 */
export async function updateLotStatusFrom(
  tx: TenantTx,
  ctx: TTenantContext,
  lot: { id: string; lotNo: string; status: TLotStatus },
  data: { status: TLotStatus; location?: string },
  field: string,
) {
  const { count } = await tx.materialLot.updateMany({
    where: { id: lot.id, status: lot.status, ...tenantFilter(ctx) },
    data,
  });
  if (count !== 1) {
    throw new DomainError(
      'CONFLICT',
      `lot ${lot.lotNo} was changed by someone else meanwhile; reload it and try again`,
      field,
      { reason: 'invalid_transition' },
    );
  }
  return tx.materialLot.findFirstOrThrow({
    where: { id: lot.id, ...tenantFilter(ctx) },
    include: lotInclude,
  });
}
