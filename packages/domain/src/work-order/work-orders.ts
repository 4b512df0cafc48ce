import type { TListWorkOrdersInput } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

const WO_INCLUDE = {
  routing: { select: { id: true, code: true, name: true } },
  orderLine: {
    select: {
      id: true,
      lineNo: true,
      quantity: true,
      unit: true,
      order: { select: { id: true, orderNo: true, status: true } },
      spec: { select: { id: true, code: true, productFamily: true } },
    },
  },
  operations: {
    orderBy: { seq: 'asc' as const },
    include: {
      step: {
        select: {
          name: true,
          yield: true,
          recipe: true,
          equipment: {
            select: {
              equipmentId: true,
              rate: true,
              rateUnit: true,
              fixedMinutes: true,
              equipment: { select: { code: true } },
            },
          },
        },
      },
    },
  },
} as const satisfies Prisma.WorkOrderInclude;

type TWorkOrderRow = Prisma.WorkOrderGetPayload<{ include: typeof WO_INCLUDE }>;

export function toWorkOrderDto(w: TWorkOrderRow) {
  return {
    id: w.id,
    workOrderNo: w.workOrderNo,
    plantId: w.plantId,
    status: w.status,
    outputT: w.outputT,
    inputT: w.inputT,
    inputMaterial: w.inputMaterial as { form?: string; alloy?: string; tonnes?: number },
    releaseDate: w.releaseDate,
    dueDate: w.dueDate,
    routing: w.routing,
    order: w.orderLine.order,
    orderLine: {
      id: w.orderLine.id,
      lineNo: w.orderLine.lineNo,
      quantity: w.orderLine.quantity,
      unit: w.orderLine.unit,
    },
    spec: w.orderLine.spec,
    operations: w.operations.map((o) => ({
      id: o.id,
      seq: o.seq,
      operationCode: o.operationCode,
      name: o.step.name,
      status: o.status,
      inputT: o.inputT,
      yield: o.step.yield,
      recipe: o.step.recipe,
      locked: o.locked,
      actualStart: o.actualStart,
      actualEnd: o.actualEnd,
      goodT: o.goodT,
      scrapT: o.scrapT,
      eligibleEquipment: o.step.equipment.map((e) => ({
        equipmentId: e.equipmentId,
        equipmentCode: e.equipment.code,
        rate: e.rate,
        rateUnit: e.rateUnit,
        fixedMinutes: e.fixedMinutes,
      })),
    })),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}
export type TWorkOrderDto = ReturnType<typeof toWorkOrderDto>;

export async function listWorkOrders(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListWorkOrdersInput,
): Promise<{ items: TWorkOrderDto[]; total: number; nextCursor: number | null }> {
  const where: Prisma.WorkOrderWhereInput = {
    ...tenantFilter(ctx),
    ...plantScopeOnChild(ctx),
    AND: [
      input.plantId ? { plantId: input.plantId } : {},
      input.orderId ? { orderLine: { orderId: input.orderId } } : {},
      input.status?.length ? { status: { in: input.status } } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    tx.workOrder.findMany({
      where,
      include: WO_INCLUDE,
      orderBy: [{ dueDate: 'asc' }, { workOrderNo: 'asc' }],
      skip: input.cursor,
      take: input.limit,
    }),
    tx.workOrder.count({ where }),
  ]);
  const next = input.cursor + rows.length;
  return { items: rows.map(toWorkOrderDto), total, nextCursor: next < total ? next : null };
}

async function findWorkOrder(tx: TenantTx, ctx: TTenantContext, id: string) {
  const row = await tx.workOrder.findFirst({
    where: { id, ...tenantFilter(ctx), ...plantScopeOnChild(ctx) },
    include: WO_INCLUDE,
  });
  if (!row) throw DomainError.notFound('workOrder', 'id');
  return row;
}

export async function getWorkOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TWorkOrderDto> {
  return toWorkOrderDto(await findWorkOrder(tx, ctx, input.id));
}

/** Releases a created work order to the shop floor (its release date becomes now). */
export async function releaseWorkOrder(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { id: string },
): Promise<TWorkOrderDto> {
  const wo = await findWorkOrder(tx, ctx, input.id);
  if (wo.status !== 'created')
    throw new DomainError(
      'CONFLICT',
      `the work order is ${wo.status}; only a created work order is released`,
      'id',
      { reason: 'invalid_transition', params: { from: wo.status, to: 'released' } },
    );
  await tx.workOrder.update({
    where: { id: wo.id, ...tenantFilter(ctx) },
    data: { status: 'released', releaseDate: new Date() },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'workOrder.release',
    targetType: 'work_order',
    targetId: wo.id,
    details: { workOrderNo: wo.workOrderNo },
  });
  return getWorkOrder(tx, ctx, { id: wo.id });
}
