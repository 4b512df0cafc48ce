import type { TUpdateSpcChartInput } from '@ingot/contracts';
import { Prisma, type TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { checkPlan, DUPLICATE_CHART_NAME } from './create-spc-chart.ts';
import { findSpcChartInScope } from './find-spc-chart-in-scope.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';

const SOURCE_FIELDS = ['chartType', 'characteristic', 'element', 'planId', 'subgroupSize'] as const;

/**
 * Renames a chart or changes its rules at any time. What feeds it (type, characteristic, element, plan,
 * subgrouping) changes only in phase I, and resets its trial limits: frozen limits belong to the data they were
 * computed from.
 */
export async function updateSpcChart(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateSpcChartInput,
): Promise<TSpcChartDto> {
  const chart = await findSpcChartInScope(tx, ctx, input.id);
  const changesSource = SOURCE_FIELDS.filter((f) => input[f] !== undefined && input[f] !== chart[f]);
  if (changesSource.length > 0 && chart.phase === 'II') {
    throw new DomainError(
      'CONFLICT',
      'the chart is in phase II: reopen phase I before changing what feeds it',
      changesSource[0],
      {
        reason: 'not_editable',
      },
    );
  }
  const chartType = input.chartType ?? chart.chartType;
  const subgroupSize = input.subgroupSize ?? chart.subgroupSize;
  if (chartType === 'i_mr' && subgroupSize !== 1)
    throw new DomainError('BAD_REQUEST', 'I-MR charts take subgroups of 1', 'subgroupSize');
  if ((chartType === 'xbar_r' || chartType === 'xbar_s') && subgroupSize === 1)
    throw new DomainError(
      'BAD_REQUEST',
      'X̄ charts need subgroups of 2 or more (or 0: per request)',
      'subgroupSize',
    );
  if (chartType === 'xbar_r' && subgroupSize > 25)
    throw new DomainError('BAD_REQUEST', 'X̄-R charts take subgroups of at most 25', 'subgroupSize');
  if (input.planId !== undefined) await checkPlan(tx, ctx, input.planId);
  const row = await tx.spcChart
    .update({
      where: { id: chart.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.rules !== undefined ? { rules: input.rules } : {}),
        ...(input.chartType !== undefined ? { chartType: input.chartType } : {}),
        ...(input.characteristic !== undefined ? { characteristic: input.characteristic } : {}),
        ...(input.element !== undefined ? { element: input.element } : {}),
        ...(input.planId !== undefined ? { planId: input.planId } : {}),
        ...(input.subgroupSize !== undefined ? { subgroupSize: input.subgroupSize } : {}),
        ...(changesSource.length > 0 ? { limits: Prisma.DbNull } : {}),
      },
    })
    .catch((e: unknown) => rethrowConstraintViolation(e, { unique: DUPLICATE_CHART_NAME }));
  await recordAuditEvent(tx, ctx, {
    action: 'spc.update',
    targetType: 'spc_chart',
    targetId: row.id,
    details: {
      name: row.name,
      rules: (input.rules ?? []) as string[],
      changed: Object.keys(input).filter((k) => k !== 'id'),
      limitsReset: changesSource.length > 0,
    },
  });
  return toSpcChartDto(row);
}
