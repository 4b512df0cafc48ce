import type { TPlanKpis } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import type { TPlanExplanation } from './map-explanations.ts';
import { findPlanningPlant, findPlanVersion, type TPlanningScope } from './planning-scope.ts';

export interface TPlanVersionSummary {
  id: string;
  plantId: string;
  version: number;
  status: 'draft' | 'published' | 'superseded';
  trigger: string;
  horizonStart: Date;
  frozenUntil: Date;
  kpis: TPlanKpis | Record<string, never>;
  createdAt: Date;
  publishedAt: Date | null;
  workflowId: string | null;
}

/** One bar of the Gantt: an operation on its equipment, with the setup before it. */
export interface TPlanAssignmentDto {
  operationId: string;
  workOrderId: string;
  workOrderNo: string;
  orderId: string;
  orderNo: string;
  seq: number;
  operationCode: string;
  operationStatus: string;
  equipmentId: string;
  equipmentCode: string;
  start: Date;
  end: Date;
  setupMinutes: number;
  locked: boolean;
  batchKey: string | null;
  dueDate: Date;
}

export interface TPlanVersionDto extends TPlanVersionSummary {
  explanations: TPlanExplanation[];
  solver: Record<string, unknown>;
  assignments: TPlanAssignmentDto[];
  /** Equipment of the plant (Gantt rows), by code. */
  equipment: { id: string; code: string; name: string; class: string }[];
}

type TPlanRow = Awaited<ReturnType<typeof findPlanVersion>>;

function toSummary(p: TPlanRow): TPlanVersionSummary {
  return {
    id: p.id,
    plantId: p.plantId,
    version: p.version,
    status: p.status,
    trigger: p.trigger,
    horizonStart: p.horizonStart,
    frozenUntil: p.frozenUntil,
    kpis: (p.kpis ?? {}) as TPlanKpis,
    createdAt: p.createdAt,
    publishedAt: p.publishedAt,
    workflowId: p.workflowId,
  };
}

/** A plan version with every assignment (Gantt), its KPIs and lateness explanations. */
export async function getPlanVersion(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { planVersionId: string },
): Promise<TPlanVersionDto> {
  const plan = await findPlanVersion(tx, scope, input.planVersionId);
  const [rows, equipment] = await Promise.all([
    tx.planAssignment.findMany({
      where: { ...tenantFilter(scope), planId: plan.id },
      orderBy: [{ start: 'asc' }],
      select: {
        operationId: true,
        equipmentId: true,
        start: true,
        end: true,
        setupMinutes: true,
        locked: true,
        batchKey: true,
        equipment: { select: { code: true } },
        operation: {
          select: {
            seq: true,
            operationCode: true,
            status: true,
            workOrder: {
              select: {
                id: true,
                workOrderNo: true,
                dueDate: true,
                orderLine: { select: { order: { select: { id: true, orderNo: true } } } },
              },
            },
          },
        },
      },
    }),
    tx.equipment.findMany({
      where: { ...tenantFilter(scope), plantId: plan.plantId },
      orderBy: { code: 'asc' },
      select: { id: true, code: true, name: true, class: true },
    }),
  ]);
  return {
    ...toSummary(plan),
    explanations: (plan.explanations ?? []) as unknown as TPlanExplanation[],
    solver: (plan.solver ?? {}) as Record<string, unknown>,
    equipment,
    assignments: rows.map((r) => ({
      operationId: r.operationId,
      workOrderId: r.operation.workOrder.id,
      workOrderNo: r.operation.workOrder.workOrderNo,
      orderId: r.operation.workOrder.orderLine.order.id,
      orderNo: r.operation.workOrder.orderLine.order.orderNo,
      seq: r.operation.seq,
      operationCode: r.operation.operationCode,
      operationStatus: r.operation.status,
      equipmentId: r.equipmentId,
      equipmentCode: r.equipment.code,
      start: r.start,
      end: r.end,
      setupMinutes: r.setupMinutes,
      locked: r.locked,
      batchKey: r.batchKey,
      dueDate: r.operation.workOrder.dueDate,
    })),
  };
}

/** The plant's published plan with its assignments, or null when nothing has been published yet. */
export async function getCurrentPlan(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { plantId: string },
): Promise<TPlanVersionDto | null> {
  const plant = await findPlanningPlant(tx, scope, input.plantId);
  const current = await tx.planVersion.findFirst({
    where: { ...tenantFilter(scope), plantId: plant.id, status: 'published' },
    orderBy: { version: 'desc' },
    select: { id: true },
  });
  return current ? getPlanVersion(tx, scope, { planVersionId: current.id }) : null;
}

/** The plant's plan versions, newest first. */
export async function listPlanVersions(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { plantId: string; limit?: number },
): Promise<TPlanVersionSummary[]> {
  const plant = await findPlanningPlant(tx, scope, input.plantId);
  const rows = await tx.planVersion.findMany({
    where: { ...tenantFilter(scope), plantId: plant.id },
    orderBy: { version: 'desc' },
    take: input.limit ?? 20,
  });
  return rows.map(toSummary);
}

export interface TPlanComparison {
  versions: TPlanVersionSummary[];
  /** Per KPI: value per version (same order) and the difference of each to the first version. */
  kpis: {
    key: keyof TPlanKpis;
    values: (number | null)[];
    deltas: (number | null)[];
    better: 'lower' | 'higher';
  }[];
  /** Operations placed on other equipment or starting more than 30 min apart, relative to the first version. */
  moved: { versionId: string; operations: number; changedEquipment: number }[];
}

const COMPARED: { key: keyof TPlanKpis; better: 'lower' | 'higher' }[] = [
  { key: 'makespanMin', better: 'lower' },
  { key: 'weightedTardinessMin', better: 'lower' },
  { key: 'lateOrders', better: 'lower' },
  { key: 'lateWorkOrders', better: 'lower' },
  { key: 'setupHours', better: 'lower' },
  { key: 'utilisation', better: 'higher' },
];

/** Compares plan versions (of one plant) by KPIs, and how many operations moved relative to the first. */
export async function comparePlanVersions(
  tx: TenantTx,
  scope: TPlanningScope,
  input: { planVersionIds: readonly string[] },
): Promise<TPlanComparison> {
  const plans: TPlanRow[] = [];
  for (const [i, id] of input.planVersionIds.entries())
    plans.push(await findPlanVersion(tx, scope, id, `planVersionIds.${i}`));
  const versions = plans.map(toSummary);
  const num = (v: TPlanVersionSummary, key: keyof TPlanKpis) => {
    const x = (v.kpis as Partial<TPlanKpis>)[key];
    return typeof x === 'number' ? x : null;
  };
  const kpis = COMPARED.map(({ key, better }) => {
    const values = versions.map((v) => num(v, key));
    const base = values[0] ?? null;
    return {
      key,
      better,
      values,
      deltas: values.map((x) => (x === null || base === null ? null : Math.round((x - base) * 1000) / 1000)),
    };
  });
  const assignments = await tx.planAssignment.findMany({
    where: { ...tenantFilter(scope), planId: { in: plans.map((p) => p.id) } },
    select: { planId: true, operationId: true, equipmentId: true, start: true },
  });
  const baseId = plans[0]?.id;
  const base = new Map(assignments.filter((a) => a.planId === baseId).map((a) => [a.operationId, a]));
  const moved = plans.slice(1).map((p) => {
    let operations = 0;
    let changedEquipment = 0;
    for (const a of assignments) {
      if (a.planId !== p.id) continue;
      const b = base.get(a.operationId);
      if (!b) continue;
      if (b.equipmentId !== a.equipmentId) changedEquipment++;
      if (b.equipmentId !== a.equipmentId || Math.abs(b.start.getTime() - a.start.getTime()) > 30 * 60_000)
        operations++;
    }
    return { versionId: p.id, operations, changedEquipment };
  });
  return { versions, kpis, moved };
}
