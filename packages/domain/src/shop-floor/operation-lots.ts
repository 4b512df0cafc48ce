import type { TenantTx } from '@ingot/db';
import { lotInclude } from '../lot/lot-dto.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * Report kinds an operation collects (append-only rows of operation_report):
 * - `start`: the machine and the time; `input`: one per lot taken in (the lot in `input_lot_id`, its tonnes in
 *   `good_t`);
 * - `quantity`: a partial report of good and scrap tonnes;
 * - `output`: one per lot produced at the finish (`output_lot_id`); `finish`: the closing totals.
 */
export const REPORT_KINDS = ['start', 'input', 'quantity', 'output', 'finish'] as const;

/** The lots an operation took in at its start (in the order they were reported). */
export async function inputLotsOf(tx: TenantTx, ctx: TTenantContext, operationIds: readonly string[]) {
  if (operationIds.length === 0) return new Map<string, never[]>();
  const reports = await tx.operationReport.findMany({
    where: { ...tenantFilter(ctx), operationId: { in: [...operationIds] }, kind: 'input' },
    select: { operationId: true, inputLotId: true },
    orderBy: { at: 'asc' },
  });
  const lotIds = [...new Set(reports.map((r) => r.inputLotId).filter((x): x is string => x !== null))];
  const lots = lotIds.length
    ? await tx.materialLot.findMany({
        where: { id: { in: lotIds }, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
        include: lotInclude,
      })
    : [];
  const byId = new Map(lots.map((l) => [l.id, l]));
  const out = new Map<string, typeof lots>();
  for (const r of reports) {
    const lot = r.inputLotId ? byId.get(r.inputLotId) : undefined;
    if (!lot) continue;
    const list = out.get(r.operationId) ?? [];
    list.push(lot);
    out.set(r.operationId, list);
  }
  return out;
}

/** The operation before this one in its work order (highest seq below it that is not cancelled), or null. */
export async function previousOperation(
  tx: TenantTx,
  ctx: TTenantContext,
  op: { workOrderId: string; seq: number },
) {
  return tx.workOrderOperation.findFirst({
    where: {
      ...tenantFilter(ctx),
      workOrderId: op.workOrderId,
      seq: { lt: op.seq },
      status: { not: 'cancelled' },
    },
    orderBy: { seq: 'desc' },
  });
}
