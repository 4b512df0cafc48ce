import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { findSpcChartInScope } from './find-spc-chart-in-scope.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';
import { parseStoredLimits } from './stored-limits.ts';

/**
 * Freezes the phase I limits: the chart moves to phase II, where new subgroups are judged against them and rule
 * violations raise alarms. Subgroups of the baseline never alarm (phase I is where they were reviewed).
 */
export async function freezeSpcLimits(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TSpcChartDto> {
  const chart = await findSpcChartInScope(tx, ctx, input.id);
  if (chart.phase === 'II')
    throw new DomainError('CONFLICT', 'the limits are already frozen', 'id', {
      reason: 'invalid_transition',
    });
  const limits = parseStoredLimits(chart.limits);
  if (!limits || limits.chartType !== chart.chartType) {
    throw new DomainError('CONFLICT', 'compute the phase I limits before freezing them', 'id', {
      reason: 'invalid_transition',
    });
  }
  const frozenAt = new Date();
  const row = await tx.spcChart.update({
    where: { id: chart.id },
    data: {
      phase: 'II',
      limitsFrozenAt: frozenAt,
      limits: { ...limits, alarmedThroughKey: limits.baselineLastKey },
    },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'spc.freeze',
    targetType: 'spc_chart',
    targetId: chart.id,
    details: { center: limits.center, ucl: limits.ucl, lcl: limits.lcl, frozenAt: frozenAt.toISOString() },
  });
  return toSpcChartDto(row);
}

/** Back to phase I (e.g. after a process change): monitoring stops until limits are computed and frozen again. */
export async function reopenSpcChart(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TSpcChartDto> {
  const chart = await findSpcChartInScope(tx, ctx, input.id);
  if (chart.phase !== 'II')
    throw new DomainError('CONFLICT', 'the chart is already in phase I', 'id', {
      reason: 'invalid_transition',
    });
  const row = await tx.spcChart.update({
    where: { id: chart.id },
    data: { phase: 'I', limitsFrozenAt: null },
  });
  await recordAuditEvent(tx, ctx, { action: 'spc.reopen', targetType: 'spc_chart', targetId: chart.id });
  return toSpcChartDto(row);
}
