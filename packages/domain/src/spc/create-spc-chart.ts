import type { TCreateSpcChartInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TSpcChartDto, toSpcChartDto } from './spc-chart-dto.ts';

export const DUPLICATE_CHART_NAME = { field: 'name', message: 'an SPC chart with this name exists' };

/** The plan, if named, must be the tenant's; a plan of another tenant answers NOT_FOUND like a missing one. */
export async function checkPlan(tx: TenantTx, ctx: TTenantContext, planId: string | null): Promise<void> {
  if (planId === null) return;
  const plan = await tx.inspectionPlan.findFirst({
    where: { id: planId, ...tenantFilter(ctx) },
    select: { id: true },
  });
  if (!plan) throw DomainError.notFound('inspection plan', 'planId');
}

/** Creates a chart (phase I, no limits yet) over a characteristic's results in a plant of the caller's scope. */
export async function createSpcChart(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateSpcChartInput,
): Promise<TSpcChartDto> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  await checkPlan(tx, ctx, input.planId);
  const row = await tx.spcChart
    .create({
      data: {
        tenantId: ctx.tenantId,
        plantId: plant.id,
        name: input.name,
        chartType: input.chartType,
        characteristic: input.characteristic,
        element: input.element,
        planId: input.planId,
        subgroupSize: input.subgroupSize,
        rules: input.rules,
        phase: 'I',
      },
    })
    .catch((e: unknown) => rethrowConstraintViolation(e, { unique: DUPLICATE_CHART_NAME }));
  await recordAuditEvent(tx, ctx, {
    action: 'spc.create',
    targetType: 'spc_chart',
    targetId: row.id,
    details: {
      plantId: plant.id,
      name: row.name,
      chartType: row.chartType,
      characteristic: row.characteristic,
      element: row.element,
      planId: row.planId,
      subgroupSize: row.subgroupSize,
      rules: input.rules,
    },
  });
  return toSpcChartDto(row);
}
