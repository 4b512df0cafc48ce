import type {
  TCreateRoutingInput,
  TListRoutingsInput,
  TProductFamily,
  TRateUnit,
  TRoutingStepInput,
  TSetActiveInput,
  TUpdateRoutingInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { changedFields } from '../audit/changed-fields.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { rethrowConstraintViolation } from '../errors/rethrow-constraint-violation.ts';
import { findAlloy } from '../master-data/alloys.ts';
import { findTemper } from '../master-data/tempers.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

export interface TRoutingStepEquipmentDto {
  equipmentId: string;
  equipmentCode: string;
  equipmentName: string;
  plantId: string;
  rate: number;
  rateUnit: TRateUnit;
  fixedMinutes: number;
}
export interface TRoutingStepDto {
  id: string;
  seq: number;
  operationCode: string;
  name: string;
  yield: number;
  recipe: string | null;
  equipment: TRoutingStepEquipmentDto[];
}
export interface TRoutingDto {
  id: string;
  code: string;
  name: string;
  productFamily: TProductFamily;
  alloy: { id: string; code: string } | null;
  temper: { id: string; code: string } | null;
  active: boolean;
  /** Product of the step yields: output tonnes / input tonnes of the whole route. */
  cumulativeYield: number;
  steps: TRoutingStepDto[];
  createdAt: Date;
  updatedAt: Date;
}

export const ROUTING_INCLUDE = {
  alloy: { select: { id: true, code: true } },
  temper: { select: { id: true, code: true } },
  steps: {
    orderBy: { seq: 'asc' as const },
    include: {
      equipment: {
        include: { equipment: { select: { id: true, code: true, name: true, plantId: true } } },
        orderBy: { equipmentId: 'asc' as const },
      },
    },
  },
} as const;

type TRoutingRow = {
  id: string;
  code: string;
  name: string;
  productFamily: TProductFamily;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  alloy: { id: string; code: string } | null;
  temper: { id: string; code: string } | null;
  steps: Array<{
    id: string;
    seq: number;
    operationCode: string;
    name: string;
    yield: number;
    recipe: string | null;
    equipment: Array<{
      equipmentId: string;
      rate: number;
      rateUnit: TRateUnit;
      fixedMinutes: number;
      equipment: { id: string; code: string; name: string; plantId: string };
    }>;
  }>;
};

export function toRoutingDto(row: TRoutingRow): TRoutingDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    productFamily: row.productFamily,
    alloy: row.alloy,
    temper: row.temper,
    active: row.active,
    cumulativeYield: row.steps.reduce((y, s) => y * s.yield, 1),
    steps: row.steps.map((s) => ({
      id: s.id,
      seq: s.seq,
      operationCode: s.operationCode,
      name: s.name,
      yield: s.yield,
      recipe: s.recipe,
      equipment: s.equipment.map((e) => ({
        equipmentId: e.equipmentId,
        equipmentCode: e.equipment.code,
        equipmentName: e.equipment.name,
        plantId: e.equipment.plantId,
        rate: e.rate,
        rateUnit: e.rateUnit,
        fixedMinutes: e.fixedMinutes,
      })),
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findRouting(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.routingTemplate.findFirst({
    where: { id, ...tenantFilter(ctx) },
    include: ROUTING_INCLUDE,
  });
  if (!row) throw DomainError.notFound('routing', field);
  return row;
}

export async function listRoutings(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListRoutingsInput,
): Promise<TRoutingDto[]> {
  const rows = await tx.routingTemplate.findMany({
    where: {
      ...tenantFilter(ctx),
      ...(input.productFamily ? { productFamily: input.productFamily } : {}),
      ...(input.includeInactive ? {} : { active: true }),
    },
    include: ROUTING_INCLUDE,
    orderBy: { code: 'asc' },
  });
  return rows.map(toRoutingDto);
}

export async function getRouting(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TRoutingDto> {
  return toRoutingDto(await findRouting(tx, ctx, input.id));
}

/** Every eligible equipment must be the tenant's (NOT_FOUND on the step's field otherwise). */
async function assertStepEquipment(tx: TenantTx, ctx: TTenantContext, steps: TRoutingStepInput[]) {
  const ids = [...new Set(steps.flatMap((s) => s.equipment.map((e) => e.equipmentId)))];
  const found = await tx.equipment.findMany({
    where: { id: { in: ids }, ...tenantFilter(ctx) },
    select: { id: true },
  });
  const known = new Set(found.map((e) => e.id));
  steps.forEach((s, i) => {
    s.equipment.forEach((e, j) => {
      if (!known.has(e.equipmentId))
        throw DomainError.notFound('equipment', `steps.${i}.equipment.${j}.equipmentId`);
    });
  });
}

async function writeSteps(tx: TenantTx, ctx: TTenantContext, routingId: string, steps: TRoutingStepInput[]) {
  for (const [i, s] of steps.entries()) {
    const step = await tx.routingStep.create({
      data: {
        tenantId: ctx.tenantId,
        routingId,
        seq: (i + 1) * 10,
        operationCode: s.operationCode,
        name: s.name,
        yield: s.yield,
        recipe: s.recipe,
      },
    });
    await tx.routingStepEquipment.createMany({
      data: s.equipment.map((e) => ({
        tenantId: ctx.tenantId,
        stepId: step.id,
        equipmentId: e.equipmentId,
        rate: e.rate,
        rateUnit: e.rateUnit,
        fixedMinutes: e.fixedMinutes,
      })),
    });
  }
}

export async function createRouting(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateRoutingInput,
): Promise<TRoutingDto> {
  if (input.temperId && !input.alloyId)
    throw new DomainError(
      'BAD_REQUEST',
      'temperId: a temper-specific routing also names its alloy',
      'temperId',
    );
  const alloy = input.alloyId ? await findAlloy(tx, ctx, input.alloyId, 'alloyId') : null;
  const temper = input.temperId ? await findTemper(tx, ctx, input.temperId, 'temperId') : null;
  if (alloy && temper && alloy.family !== temper.family)
    throw new DomainError(
      'BAD_REQUEST',
      `temperId: temper ${temper.code} is not for ${alloy.family}`,
      'temperId',
    );
  await assertStepEquipment(tx, ctx, input.steps);
  const routing = await tx.routingTemplate
    .create({
      data: {
        tenantId: ctx.tenantId,
        code: input.code,
        name: input.name,
        productFamily: input.productFamily,
        alloyId: input.alloyId,
        temperId: input.temperId,
      },
    })
    .catch((e: unknown) =>
      rethrowConstraintViolation(e, {
        unique: {
          field: 'code',
          message: 'a routing with this code already exists',
          params: { entity: 'routing' },
        },
      }),
    );
  await writeSteps(tx, ctx, routing.id, input.steps);
  await recordAuditEvent(tx, ctx, {
    action: 'routing.create',
    targetType: 'routing_template',
    targetId: routing.id,
    details: {
      code: routing.code,
      productFamily: routing.productFamily,
      steps: input.steps.map((s) => s.operationCode),
    },
  });
  return getRouting(tx, ctx, { id: routing.id });
}

/**
 * Renames a routing or replaces its steps. Steps are what work orders' operations point at, so once a work order
 * uses the routing its steps are frozen: make a new routing (and deactivate this one) instead.
 */
export async function updateRouting(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateRoutingInput,
): Promise<TRoutingDto> {
  const before = await findRouting(tx, ctx, input.id);
  if (input.steps) {
    await assertStepEquipment(tx, ctx, input.steps);
    const used = await tx.workOrder.count({ where: { routingId: before.id, ...tenantFilter(ctx) } });
    if (used > 0)
      throw new DomainError(
        'CONFLICT',
        `steps: ${used} work order(s) use this routing; create a new routing and deactivate this one`,
        'steps',
        { reason: 'has_children', params: { entity: 'routing', child: 'workOrder', count: used } },
      );
    await tx.routingStep.deleteMany({ where: { routingId: before.id, ...tenantFilter(ctx) } });
    await writeSteps(tx, ctx, before.id, input.steps);
  }
  if (input.name !== undefined)
    await tx.routingTemplate.update({
      where: { id: before.id, ...tenantFilter(ctx) },
      data: { name: input.name },
    });
  else await tx.routingTemplate.update({ where: { id: before.id, ...tenantFilter(ctx) }, data: {} });
  const { id, ...changes } = input;
  await recordAuditEvent(tx, ctx, {
    action: 'routing.update',
    targetType: 'routing_template',
    targetId: id,
    details: { code: before.code, changed: changedFields(changes) },
  });
  return getRouting(tx, ctx, { id });
}

export async function setRoutingActive(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSetActiveInput,
): Promise<TRoutingDto> {
  const before = await findRouting(tx, ctx, input.id);
  await tx.routingTemplate.update({
    where: { id: before.id, ...tenantFilter(ctx) },
    data: { active: input.active },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'routing.setActive',
    targetType: 'routing_template',
    targetId: before.id,
    details: { code: before.code, active: input.active },
  });
  return getRouting(tx, ctx, { id: before.id });
}
