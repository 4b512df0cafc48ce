import type { TOrderLineInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { pieceWeightKg, SPEC_INCLUDE } from '../master-data/product-specs.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * Checks order lines against the tenant's specs: every spec exists (NOT_FOUND on `lines.N.specId`), belongs to
 * no other customer, and a line in pieces names a spec whose piece weight is known (so work orders can be
 * sized in tonnes).
 */
export async function assertOrderLines(
  tx: TenantTx,
  ctx: TTenantContext,
  customerId: string,
  lines: TOrderLineInput[],
): Promise<void> {
  const ids = [...new Set(lines.map((l) => l.specId))];
  const specs = await tx.productSpec.findMany({
    where: { id: { in: ids }, ...tenantFilter(ctx) },
    include: SPEC_INCLUDE,
  });
  const byId = new Map(specs.map((s) => [s.id, s]));
  for (const [i, line] of lines.entries()) {
    const spec = byId.get(line.specId);
    if (!spec) throw DomainError.notFound('productSpec', `lines.${i}.specId`);
    if (spec.customerId !== null && spec.customerId !== customerId)
      throw new DomainError(
        'BAD_REQUEST',
        `lines.${i}.specId: ${spec.code} is another customer's specification`,
        `lines.${i}.specId`,
      );
    if (line.unit === 'pcs' && pieceWeightKg(spec) === null)
      throw new DomainError(
        'BAD_REQUEST',
        `lines.${i}.unit: ${spec.code} has no piece weight (no coil weight, no plate/sheet dimensions); order it in tonnes`,
        `lines.${i}.unit`,
      );
  }
}

export function earliestDate(lines: Array<{ requestedDate: Date }>): Date | null {
  return lines.reduce<Date | null>(
    (min, l) => (min === null || l.requestedDate < min ? l.requestedDate : min),
    null,
  );
}

export async function writeOrderLines(
  tx: TenantTx,
  ctx: TTenantContext,
  orderId: string,
  lines: TOrderLineInput[],
): Promise<void> {
  await tx.salesOrderLine.createMany({
    data: lines.map((l, i) => ({
      tenantId: ctx.tenantId,
      orderId,
      lineNo: (i + 1) * 10,
      specId: l.specId,
      quantity: l.quantity,
      unit: l.unit,
      requestedDate: l.requestedDate,
    })),
  });
}
