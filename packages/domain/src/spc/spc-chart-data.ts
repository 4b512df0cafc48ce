import type { TSpcChartDataInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { analyseStoredChart } from './analyse-stored-chart.ts';
import { processCapability, type TCapability } from './capability.ts';
import type { TSeriesAnalysis } from './chart-analysis.ts';
import { findSpcChartInScope } from './find-spc-chart-in-scope.ts';
import { resolveSpecLimits, type TSpecLimits } from './resolve-spec-limits.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';
import type { TSpcLimits } from './spc-types.ts';

export interface TSpcSubgroupDto {
  index: number;
  key: string;
  at: Date;
  label: string;
  n: number;
  excluded: boolean;
  phase: 'I' | 'II';
}

export interface TSpcChartData {
  chart: TSpcChartDto;
  /** The limits drawn: the stored ones, or trial limits from all subgroups (not stored) when `trial`. */
  limits: TSpcLimits | null;
  trial: boolean;
  subgroups: TSpcSubgroupDto[];
  series: TSeriesAnalysis[];
  spec: TSpecLimits | null;
  /** Variables charts with specification limits: of the baseline (phase I, not excluded) values. */
  capability: TCapability | null;
}

/** A chart's points, limits, rule hits and capability, for the portal. */
export async function spcChartData(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSpcChartDataInput,
): Promise<TSpcChartData> {
  const chart = await findSpcChartInScope(tx, ctx, input.id);
  const analysis = await analyseStoredChart(tx, chart);
  const { subgroups, limits, trial, series, phaseTwoStart, excluded } = analysis;
  const variables =
    chart.chartType === 'xbar_r' || chart.chartType === 'xbar_s' || chart.chartType === 'i_mr';
  let spec: TSpecLimits | null = null;
  let capability: TCapability | null = null;
  if (variables) {
    const characteristics = await tx.inspectionCharacteristic.findMany({
      where: {
        tenantId: ctx.tenantId,
        code: chart.characteristic,
        element: chart.element,
        ...(chart.planId ? { planId: chart.planId } : {}),
        results: {
          some: {
            tenantId: ctx.tenantId,
            request: { tenantId: ctx.tenantId, plantId: chart.plantId, AND: [plantScopeOnChild(ctx)] },
          },
        },
      },
      select: { id: true },
    });
    spec = await resolveSpecLimits(
      tx,
      ctx.tenantId,
      characteristics.map((c) => c.id),
    );
    const baseline = subgroups
      .filter((_, i) => i < phaseTwoStart && !excluded.has(i))
      .flatMap((g) => g.values);
    if (spec && baseline.length >= 2 && limits?.sigma) {
      capability = processCapability(baseline, spec, limits.sigma, input.confidence);
    }
  }
  return {
    chart: toSpcChartDto(chart),
    limits,
    trial,
    subgroups: subgroups.map((g, index) => ({
      index,
      key: g.key,
      at: g.at,
      label: g.label,
      n: g.values.length,
      excluded: excluded.has(index),
      phase: index < phaseTwoStart ? 'I' : 'II',
    })),
    series,
    spec,
    capability,
  };
}
