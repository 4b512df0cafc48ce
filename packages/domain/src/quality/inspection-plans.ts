import {
  CHARACTERISTIC_UNITS,
  type TCharacteristic,
  type TCharacteristicCode,
  type TCreateInspectionPlanInput,
  type TGetInspectionPlanInput,
  type TListInspectionPlansInput,
  type TProductFamily,
  type TSetInspectionPlanActiveInput,
  type TUpdateInspectionPlanInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TInspectionCharacteristicDto {
  id: string;
  seq: number;
  code: TCharacteristicCode;
  element: string;
  unit: string;
  nominal: number | null;
  lowerLimit: number | null;
  upperLimit: number | null;
  limitSource: string;
  method: string;
  samplesPerLot: number;
  frequency: string;
  frequencyN: number | null;
}

export interface TInspectionPlanDto {
  id: string;
  code: string;
  name: string;
  productSpec: { id: string; code: string } | null;
  productFamily: TProductFamily | null;
  alloy: { id: string; code: string } | null;
  operationCode: string | null;
  active: boolean;
  characteristics: TInspectionCharacteristicDto[];
  createdAt: Date;
  updatedAt: Date;
}

export const planInclude = {
  productSpec: { select: { id: true, code: true } },
  alloy: { select: { id: true, code: true } },
  characteristics: { orderBy: { seq: 'asc' } },
} as const;

type TPlanRow = Awaited<ReturnType<typeof findPlan>>;

export function toPlanDto(row: TPlanRow): TInspectionPlanDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    productSpec: row.productSpec,
    productFamily: row.productFamily,
    alloy: row.alloy,
    operationCode: row.operationCode,
    active: row.active,
    characteristics: row.characteristics.map((c) => ({
      id: c.id,
      seq: c.seq,
      code: c.code as TCharacteristicCode,
      element: c.element,
      unit: c.unit,
      nominal: c.nominal,
      lowerLimit: c.lowerLimit,
      upperLimit: c.upperLimit,
      limitSource: c.limitSource,
      method: c.method,
      samplesPerLot: c.samplesPerLot,
      frequency: c.frequency,
      frequencyN: c.frequencyN,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The tenant's plan, or NOT_FOUND on `field` (also for another tenant's id). */
export async function findPlan(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.inspectionPlan.findFirst({
    where: { id, ...tenantFilter(ctx) },
    include: planInclude,
  });
  if (!row) throw DomainError.notFound('inspection plan', field);
  return row;
}

function characteristicData(c: TCharacteristic, seq: number) {
  return {
    seq,
    code: c.code,
    element: c.element,
    unit: c.unit || CHARACTERISTIC_UNITS[c.code],
    nominal: c.nominal ?? null,
    lowerLimit: c.lowerLimit ?? null,
    upperLimit: c.upperLimit ?? null,
    limitSource: c.limitSource,
    method: c.method,
    samplesPerLot: c.samplesPerLot,
    frequency: c.frequency,
    frequencyN: c.frequency === 'every_nth_lot' ? (c.frequencyN ?? null) : null,
  };
}

async function assertReferences(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { productSpecId: string | null; alloyId: string | null },
) {
  if (input.productSpecId) {
    const spec = await tx.productSpec.findFirst({ where: { id: input.productSpecId, ...tenantFilter(ctx) } });
    if (!spec) throw DomainError.notFound('product spec', 'productSpecId');
  }
  if (input.alloyId) {
    const alloy = await tx.alloy.findFirst({ where: { id: input.alloyId, ...tenantFilter(ctx) } });
    if (!alloy) throw DomainError.notFound('alloy', 'alloyId');
  }
}

const DUPLICATE_CODE = {
  unique: { field: 'code', message: 'an inspection plan with this code already exists' },
};

export async function listInspectionPlans(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListInspectionPlansInput,
): Promise<TInspectionPlanDto[]> {
  const rows = await tx.inspectionPlan.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.includeInactive ? {} : { active: true }),
      ...(input.operationCode ? { operationCode: input.operationCode } : {}),
    },
    include: planInclude,
    orderBy: { code: 'asc' },
  });
  return rows.map(toPlanDto);
}

export async function getInspectionPlan(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TGetInspectionPlanInput,
): Promise<TInspectionPlanDto> {
  return toPlanDto(await findPlan(tx, ctx, input.id));
}

/** A plan for a product spec, or a family and/or alloy, after an operation (null = final), with characteristics. */
export async function createInspectionPlan(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateInspectionPlanInput,
): Promise<TInspectionPlanDto> {
  await assertReferences(tx, ctx, input);
  const plan = await tx.inspectionPlan
    .create({
      data: {
        tenantId: ctx.tenantId,
        code: input.code,
        name: input.name,
        productSpecId: input.productSpecId,
        productFamily: input.productFamily,
        alloyId: input.alloyId,
        operationCode: input.operationCode,
      },
    })
    .catch((e: unknown) => rethrowConstraintViolation(e, DUPLICATE_CODE));
  await tx.inspectionCharacteristic.createMany({
    data: input.characteristics.map((c, i) => ({
      tenantId: ctx.tenantId,
      planId: plan.id,
      ...characteristicData(c, (i + 1) * 10),
    })),
  });
  await recordAuditEvent(tx, ctx, {
    action: 'inspectionPlan.create',
    targetType: 'inspection_plan',
    targetId: plan.id,
    details: { code: input.code, characteristics: input.characteristics.map((c) => c.code) },
  });
  return toPlanDto(await findPlan(tx, ctx, plan.id));
}

/**
 * Renames a plan, changes its operation, or replaces its characteristics (matched by position: a kept position
 * keeps its id, so results and SPC charts stay attached). Requests already raised keep the limits resolved then.
 * A characteristic with results cannot be removed: deactivate the plan and create a new one instead.
 */
export async function updateInspectionPlan(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateInspectionPlanInput,
): Promise<TInspectionPlanDto> {
  const plan = await findPlan(tx, ctx, input.id);
  await tx.inspectionPlan.update({
    where: { id: plan.id, ...tenantFilter(ctx) },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.operationCode !== undefined ? { operationCode: input.operationCode } : {}),
    },
  });
  if (input.characteristics) {
    const next = input.characteristics.map((c, i) => characteristicData(c, (i + 1) * 10));
    // A characteristic with results keeps what it measures: removing it, or changing its code or element, is refused.
    const removed = plan.characteristics.filter((c) => {
      const n = next.find((x) => x.seq === c.seq);
      return !n || n.code !== c.code || n.element !== c.element;
    });
    for (const c of removed) {
      const used = await tx.inspectionResult.count({
        where: { characteristicId: c.id, ...tenantFilter(ctx) },
      });
      if (used > 0) {
        throw new DomainError(
          'CONFLICT',
          `characteristic ${c.code}${c.element ? `:${c.element}` : ''} has results; it cannot be removed or changed to measure something else`,
          'characteristics',
          { reason: 'not_editable' },
        );
      }
    }
    const dropped = plan.characteristics.filter((c) => !next.some((n) => n.seq === c.seq));
    if (dropped.length > 0) {
      await tx.inspectionCharacteristic.deleteMany({
        where: { id: { in: dropped.map((c) => c.id) }, ...tenantFilter(ctx) },
      });
    }
    for (const data of next) {
      const existing = plan.characteristics.find((c) => c.seq === data.seq);
      if (existing) {
        await tx.inspectionCharacteristic.update({ where: { id: existing.id, ...tenantFilter(ctx) }, data });
      } else {
        await tx.inspectionCharacteristic.create({
          data: { tenantId: ctx.tenantId, planId: plan.id, ...data },
        });
      }
    }
  }
  await recordAuditEvent(tx, ctx, {
    action: 'inspectionPlan.update',
    targetType: 'inspection_plan',
    targetId: plan.id,
    details: {
      code: plan.code,
      fields: Object.keys(input).filter((k) => k !== 'id'),
    },
  });
  return toPlanDto(await findPlan(tx, ctx, plan.id));
}

export async function setInspectionPlanActive(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSetInspectionPlanActiveInput,
): Promise<TInspectionPlanDto> {
  const plan = await findPlan(tx, ctx, input.id);
  await tx.inspectionPlan.update({
    where: { id: plan.id, ...tenantFilter(ctx) },
    data: { active: input.active },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'inspectionPlan.setActive',
    targetType: 'inspection_plan',
    targetId: plan.id,
    details: { code: plan.code, active: input.active },
  });
  return toPlanDto(await findPlan(tx, ctx, plan.id));
}
