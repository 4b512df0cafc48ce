import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TCoilTolerance {
  /** `given`: entered by hand; `lot`: the spec of the order of the lot whose number is the coil id; `spec`: chosen spec. */
  source: 'given' | 'lot' | 'spec';
  nominalMm: number;
  minusMm: number;
  plusMm: number;
  specCode: string | null;
  lotNo: string | null;
}

/**
 * The thickness tolerance a coil is judged against: the one given by hand; else the specification chosen; else
 * the product specification of the order that the lot numbered like the coil belongs to (lot -> work order ->
 * order line -> spec); else none. Another tenant's specification is NOT_FOUND on `specId`, like a missing one.
 */
export async function resolveCoilTolerance(
  tx: TenantTx,
  ctx: TTenantContext,
  input: {
    plantId: string;
    coilId: string;
    specId?: string | undefined;
    tolerance?: { nominalMm: number; minusMm: number; plusMm: number } | undefined;
  },
): Promise<TCoilTolerance | null> {
  const chosen = input.specId
    ? await tx.productSpec.findFirst({ where: { id: input.specId, ...tenantFilter(ctx) } })
    : null;
  if (input.specId && !chosen) throw DomainError.notFound('product specification', 'specId');
  if (input.tolerance)
    return { source: 'given', ...input.tolerance, specCode: chosen?.code ?? null, lotNo: null };
  if (chosen) {
    return {
      source: 'spec',
      nominalMm: chosen.thicknessMm,
      minusMm: chosen.thicknessTolMinus,
      plusMm: chosen.thicknessTolPlus,
      specCode: chosen.code,
      lotNo: null,
    };
  }
  const lot = await tx.materialLot.findFirst({
    where: { ...tenantFilter(ctx), plantId: input.plantId, lotNo: input.coilId },
    select: { lotNo: true, workOrder: { select: { orderLine: { select: { spec: true } } } } },
  });
  const spec = lot?.workOrder?.orderLine.spec;
  if (!lot || !spec) return null;
  return {
    source: 'lot',
    nominalMm: spec.thicknessMm,
    minusMm: spec.thicknessTolMinus,
    plusMm: spec.thicknessTolPlus,
    specCode: spec.code,
    lotNo: lot.lotNo,
  };
}
