import type { TSpcCapabilityInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { processCapability, type TCapability } from './capability.ts';
import { controlConstants } from './control-constants-theory.ts';
import { findSpcChartInScope } from './find-spc-chart-in-scope.ts';
import { resolveSpecLimits, type TSpecLimits } from './resolve-spec-limits.ts';
import { parseStoredLimits } from './stored-limits.ts';

export interface TCharacteristicCapability {
  characteristicId: string;
  code: string;
  element: string;
  unit: string;
  spec: TSpecLimits;
  /** Where the within sigma comes from: a chart's frozen/trial limits, or the moving range of the results. */
  sigmaSource: 'chart' | 'moving_range';
  capability: TCapability;
}

/**
 * Capability of one characteristic's current results (in the caller's plants) against its specification limits
 * (given, the characteristic's own, or the latest request's). Cp/Cpk take the within sigma of the named chart, or
 * MR̄/d2 of consecutive results; Pp/Ppk the overall standard deviation.
 */
export async function characteristicCapability(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSpcCapabilityInput,
): Promise<TCharacteristicCapability> {
  const characteristic = await tx.inspectionCharacteristic.findFirst({
    where: { id: input.characteristicId, ...tenantFilter(ctx) },
  });
  if (!characteristic) throw DomainError.notFound('characteristic', 'characteristicId');
  const resolved = await resolveSpecLimits(tx, ctx.tenantId, [characteristic.id]);
  const spec: TSpecLimits = {
    lsl: input.lsl ?? resolved?.lsl ?? null,
    usl: input.usl ?? resolved?.usl ?? null,
  };
  if (spec.lsl === null && spec.usl === null) {
    throw new DomainError(
      'BAD_REQUEST',
      'the characteristic has no specification limits: give lsl and/or usl',
      'lsl',
    );
  }
  if (spec.lsl !== null && spec.usl !== null && !(spec.usl > spec.lsl)) {
    throw new DomainError('BAD_REQUEST', 'the upper specification limit must exceed the lower', 'usl');
  }
  const rows = await tx.inspectionResult.findMany({
    where: {
      ...tenantFilter(ctx),
      characteristicId: characteristic.id,
      request: { ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    },
    select: { id: true, value: true, supersedesId: true },
    orderBy: [{ enteredAt: 'asc' }, { id: 'asc' }],
  });
  const superseded = new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const values = rows.filter((r) => !superseded.has(r.id)).map((r) => r.value);
  if (values.length < 2)
    throw new DomainError('BAD_REQUEST', 'capability needs at least 2 results', 'characteristicId');
  let sigmaWithin: number | null;
  let sigmaSource: TCharacteristicCapability['sigmaSource'];
  if (input.chartId) {
    const chart = await findSpcChartInScope(tx, ctx, input.chartId, 'chartId');
    const limits = parseStoredLimits(chart.limits);
    if (!limits?.sigma)
      throw new DomainError('BAD_REQUEST', 'the chart has no variables limits to take sigma from', 'chartId');
    sigmaWithin = limits.sigma;
    sigmaSource = 'chart';
  } else {
    let sum = 0;
    for (let i = 1; i < values.length; i++)
      sum += Math.abs((values[i] as number) - (values[i - 1] as number));
    sigmaWithin = sum / (values.length - 1) / controlConstants(2).d2;
    sigmaSource = 'moving_range';
  }
  return {
    characteristicId: characteristic.id,
    code: characteristic.code,
    element: characteristic.element,
    unit: characteristic.unit,
    spec,
    sigmaSource,
    capability: processCapability(values, spec, sigmaWithin > 0 ? sigmaWithin : null, input.confidence),
  };
}
