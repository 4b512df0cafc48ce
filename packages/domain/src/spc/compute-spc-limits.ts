import type { TComputeSpcLimitsInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { computePhaseOneLimits } from './chart-analysis.ts';
import { SpcInputError } from './control-charts.ts';
import { findSpcChartInScope } from './find-spc-chart-in-scope.ts';
import { loadChartSubgroups, toChartData } from './load-chart-subgroups.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';
import type { TSpcChartType } from './spc-types.ts';
import type { TStoredLimits } from './stored-limits.ts';

/** Fewest subgroups phase I limits are computed from (Montgomery: 20–25 are advised; fewer are allowed, but not < 2). */
export const MIN_PHASE_ONE_SUBGROUPS = 2;

/**
 * Phase I: estimates trial limits from every subgroup the chart has now (the baseline), leaving out the excluded
 * ones (and, with `revise`, those beyond a limit, repeatedly), and stores them. Only in phase I.
 */
export async function computeSpcLimits(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TComputeSpcLimitsInput,
): Promise<TSpcChartDto> {
  const chart = await findSpcChartInScope(tx, ctx, input.id);
  if (chart.phase === 'II') {
    throw new DomainError('CONFLICT', 'the limits are frozen: reopen phase I to recompute them', 'id', {
      reason: 'not_editable',
    });
  }
  const type = chart.chartType as TSpcChartType;
  const subgroups = await loadChartSubgroups(tx, { ...chart, tenantId: ctx.tenantId });
  const { usable, data } = toChartData(type, subgroups);
  const last = usable[usable.length - 1];
  if (!last || usable.length < MIN_PHASE_ONE_SUBGROUPS) {
    throw new DomainError(
      'BAD_REQUEST',
      `phase I needs at least ${MIN_PHASE_ONE_SUBGROUPS} subgroups; the chart has ${usable.length}`,
      'id',
      {
        reason: 'not_eligible',
        params: { count: usable.length },
      },
    );
  }
  const indexOf = new Map(usable.map((g, i) => [g.key, i]));
  const unknown = input.excludedKeys.find((k) => !indexOf.has(k));
  if (unknown !== undefined)
    throw new DomainError('BAD_REQUEST', 'an excluded subgroup is not on this chart', 'excludedKeys');
  let result: ReturnType<typeof computePhaseOneLimits>;
  try {
    result = computePhaseOneLimits(type, data, {
      excluded: input.excludedKeys.map((k) => indexOf.get(k) as number),
      revise: input.revise,
    });
  } catch (e) {
    if (e instanceof SpcInputError) throw new DomainError('BAD_REQUEST', e.message, 'excludedKeys');
    throw e;
  }
  const stored: TStoredLimits = {
    ...result.limits,
    baselineCount: usable.length,
    baselineLastKey: last.key,
    excludedKeys: result.excluded.map((i) => (usable[i] as { key: string }).key),
    computedAt: new Date().toISOString(),
    alarmedThroughKey: null,
  };
  if (![stored.center, stored.ucl, stored.lcl].every(Number.isFinite)) {
    throw new DomainError('BAD_REQUEST', 'the baseline gives no usable limits (no variation)', 'id', {
      reason: 'not_eligible',
    });
  }
  const row = await tx.spcChart.update({ where: { id: chart.id }, data: { limits: { ...stored } } });
  await recordAuditEvent(tx, ctx, {
    action: 'spc.computeLimits',
    targetType: 'spc_chart',
    targetId: chart.id,
    details: {
      center: stored.center,
      ucl: stored.ucl,
      lcl: stored.lcl,
      baselineCount: stored.baselineCount,
      excludedKeys: stored.excludedKeys,
      revise: input.revise,
    },
  });
  return toSpcChartDto(row);
}
