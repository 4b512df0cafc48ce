import type { TProductFamily, TRequestInspectionInput, TResolvedLimit } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { findLotInScope } from '../lot/find-lot-in-scope.ts';
import { toDimensions } from '../lot/lot-dto.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { planInclude } from './inspection-plans.ts';
import { nextQualityNo } from './quality-numbers.ts';
import { resolveLimits, type TLimitContext } from './resolve-limits.ts';

const specSelect = {
  id: true,
  code: true,
  productFamily: true,
  thicknessMm: true,
  thicknessTolMinus: true,
  thicknessTolPlus: true,
  widthMm: true,
  widthTolMinus: true,
  widthTolPlus: true,
  temper: { select: { code: true } },
} as const;

/** The lot with what limits are resolved against: the spec of the order it was made for, alloy, temper, size. */
async function lotForInspection(tx: TenantTx, ctx: TTenantContext, lotId: string) {
  return tx.materialLot.findFirstOrThrow({
    where: { id: lotId, ...tenantFilter(ctx) },
    include: {
      plant: { select: { id: true, code: true, timezone: true } },
      alloy: { select: { id: true, code: true, composition: true } },
      temper: { select: { code: true } },
      operation: { select: { id: true, operationCode: true, seq: true } },
      workOrder: {
        select: { id: true, orderLine: { select: { orderId: true, spec: { select: specSelect } } } },
      },
    },
  });
}
type TInspectedLot = Awaited<ReturnType<typeof lotForInspection>>;
type TPlanRow = NonNullable<Awaited<ReturnType<typeof plansOf>>>[number];

function plansOf(tx: TenantTx, ctx: TTenantContext) {
  return tx.inspectionPlan.findMany({
    where: { ...tenantFilter(ctx), active: true },
    include: { ...planInclude, productSpec: { select: specSelect } },
    orderBy: { code: 'asc' },
  });
}

function composition(json: unknown): Record<string, { min?: number; max?: number }> {
  const out: Record<string, { min?: number; max?: number }> = {};
  if (!json || typeof json !== 'object') return out;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const row = v as { min?: unknown; max?: unknown };
    const entry: { min?: number; max?: number } = {};
    if (typeof row.min === 'number') entry.min = row.min;
    if (typeof row.max === 'number') entry.max = row.max;
    out[k] = entry;
  }
  return out;
}

function limitContext(lot: TInspectedLot, plan: TPlanRow): TLimitContext {
  const spec = lot.workOrder?.orderLine.spec ?? plan.productSpec ?? null;
  const dims = toDimensions(lot.dimensions);
  return {
    spec,
    productFamily: (spec?.productFamily ?? plan.productFamily ?? null) as TProductFamily | null,
    alloy: lot.alloy ? { code: lot.alloy.code, composition: composition(lot.alloy.composition) } : null,
    temperCode: lot.temper?.code ?? spec?.temper.code ?? null,
    thicknessMm: dims.thicknessMm ?? null,
    widthMm: dims.widthMm ?? null,
  };
}

/** How specific a plan is for the lot (higher wins), or -1 when it does not apply. */
function planScore(plan: TPlanRow, lot: TInspectedLot): number {
  const spec = lot.workOrder?.orderLine.spec ?? null;
  if (plan.productSpecId) return spec && plan.productSpecId === spec.id ? 8 : -1;
  let score = 0;
  if (plan.alloyId) {
    if (plan.alloyId !== lot.alloyId) return -1;
    score += 2;
  }
  if (plan.productFamily) {
    if (!spec || plan.productFamily !== spec.productFamily) return -1;
    score += 1;
  }
  return score;
}

/** The most specific active plan for the lot after `operationCode` (null = the work order's final operation). */
function matchPlan(
  plans: readonly TPlanRow[],
  lot: TInspectedLot,
  operation: { code: string; isLast: boolean } | null,
): TPlanRow | null {
  let best: TPlanRow | null = null;
  let bestScore = -1;
  for (const plan of plans) {
    if (operation) {
      const fits = plan.operationCode === null ? operation.isLast : plan.operationCode === operation.code;
      if (!fits) continue;
    }
    const score = planScore(plan, lot);
    if (score > bestScore) {
      best = plan;
      bestScore = score;
    }
  }
  return best;
}

/** The characteristics due for this lot by their sampling frequency (every lot, every n-th, first of the order). */
async function dueCharacteristics(tx: TenantTx, ctx: TTenantContext, plan: TPlanRow, lot: TInspectedLot) {
  const orderId = lot.workOrder?.orderLine.orderId ?? null;
  const earlier = await tx.inspectionRequest.findMany({
    where: { ...tenantFilter(ctx), planId: plan.id, origin: 'operation_complete' },
    select: { lot: { select: { workOrder: { select: { orderLine: { select: { orderId: true } } } } } } },
  });
  const ofOrder = orderId ? earlier.filter((r) => r.lot.workOrder?.orderLine.orderId === orderId).length : 0;
  return plan.characteristics.filter((c) => {
    if (c.frequency === 'first_of_order') return orderId === null || ofOrder === 0;
    if (c.frequency === 'every_nth_lot') return earlier.length % (c.frequencyN ?? 1) === 0;
    return true;
  });
}

export interface TRaisedInspection {
  id: string;
  requestNo: string;
  lotId: string;
  lotNo: string;
  planCode: string;
  sampleNos: string[];
  unresolvedLimits: number;
}

async function createRequest(
  tx: TenantTx,
  ctx: TTenantContext,
  lot: TInspectedLot,
  plan: TPlanRow,
  characteristics: TPlanRow['characteristics'],
  origin: 'operation_complete' | 'manual',
  operationId: string | null,
): Promise<TRaisedInspection> {
  const limits: TResolvedLimit[] = resolveLimits(characteristics, limitContext(lot, plan));
  const requestNo = await nextQualityNo(tx, ctx, 'QI', lot.plant);
  const samples = Math.max(1, ...limits.map((l) => l.samplesRequired));
  const sampleNos = Array.from({ length: samples }, (_, i) => `${requestNo}-S${i + 1}`);
  const positions = samples === 1 ? ['tail'] : samples === 2 ? ['head', 'tail'] : [];
  const request = await tx.inspectionRequest.create({
    data: {
      tenantId: ctx.tenantId,
      plantId: lot.plantId,
      requestNo,
      lotId: lot.id,
      planId: plan.id,
      operationId,
      origin,
      limits: limits as unknown as object,
      requestedById: ctx.userId,
    },
  });
  await tx.labSample.createMany({
    data: sampleNos.map((sampleNo, i) => ({
      tenantId: ctx.tenantId,
      requestId: request.id,
      sampleNo,
      position: positions[i] ?? `#${i + 1}`,
    })),
  });
  return {
    id: request.id,
    requestNo,
    lotId: lot.id,
    lotNo: lot.lotNo,
    planCode: plan.code,
    sampleNos,
    unresolvedLimits: limits.filter((l) => l.unresolved !== null).length,
  };
}

/**
 * The shop-floor hook: after an operation finished, one request per output lot for which an active plan matches
 * the operation (or, on the work order's last operation, a final-inspection plan) and some characteristic is due.
 * Writes no audit row of its own: the finish's audit row lists the requests it raised.
 */
export async function raiseInspectionsForOperation(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { operationId: string; operationCode: string; isLast: boolean; outputLotIds: readonly string[] },
): Promise<TRaisedInspection[]> {
  const plans = await plansOf(tx, ctx);
  if (plans.length === 0) return [];
  const raised: TRaisedInspection[] = [];
  for (const lotId of input.outputLotIds) {
    const lot = await lotForInspection(tx, ctx, lotId);
    const plan = matchPlan(plans, lot, { code: input.operationCode, isLast: input.isLast });
    if (!plan) continue;
    const due = await dueCharacteristics(tx, ctx, plan, lot);
    if (due.length === 0) continue;
    raised.push(await createRequest(tx, ctx, lot, plan, due, 'operation_complete', input.operationId));
  }
  return raised;
}

/**
 * An inspection request by hand (a customer complaint, a re-test after rework): the plan given, or the best match
 * for the lot; every characteristic of the plan, whatever its sampling frequency. One open request per lot and plan.
 */
export async function requestInspection(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TRequestInspectionInput,
): Promise<TRaisedInspection> {
  const scoped = await findLotInScope(tx, ctx, input.lotId, 'lotId');
  if (['consumed', 'shipped', 'scrapped'].includes(scoped.status)) {
    throw new DomainError(
      'CONFLICT',
      `lot ${scoped.lotNo} is ${scoped.status} and cannot be inspected`,
      'lotId',
      {
        reason: 'lot_not_usable',
      },
    );
  }
  const lot = await lotForInspection(tx, ctx, scoped.id);
  const plans = await plansOf(tx, ctx);
  const plan = input.planId ? plans.find((p) => p.id === input.planId) : matchPlan(plans, lot, null);
  if (!plan) {
    if (input.planId) throw DomainError.notFound('active inspection plan', 'planId');
    throw new DomainError(
      'BAD_REQUEST',
      `no active inspection plan matches lot ${lot.lotNo}; choose one`,
      'planId',
    );
  }
  const open = await tx.inspectionRequest.count({
    where: {
      ...tenantFilter(ctx),
      lotId: lot.id,
      planId: plan.id,
      status: { notIn: ['approved', 'rejected', 'cancelled'] },
    },
  });
  if (open > 0) {
    throw new DomainError(
      'CONFLICT',
      `lot ${lot.lotNo} already has an open request for plan ${plan.code}`,
      'lotId',
      {
        reason: 'invalid_transition',
      },
    );
  }
  const raised = await createRequest(tx, ctx, lot, plan, plan.characteristics, 'manual', null);
  await recordAuditEvent(tx, ctx, {
    action: 'lab.request',
    targetType: 'inspection_request',
    targetId: raised.id,
    details: { requestNo: raised.requestNo, lotNo: lot.lotNo, plan: plan.code, samples: raised.sampleNos },
  });
  return raised;
}

/** The limits a plan would give for a lot now (the plan editor's preview); nothing is stored. */
export async function previewInspectionLimits(
  tx: TenantTx,
  ctx: TTenantContext,
  input: { planId: string; lotId: string },
): Promise<TResolvedLimit[]> {
  const scoped = await findLotInScope(tx, ctx, input.lotId, 'lotId');
  const plan = (await plansOf(tx, ctx)).find((p) => p.id === input.planId);
  if (!plan) throw DomainError.notFound('active inspection plan', 'planId');
  const lot = await lotForInspection(tx, ctx, scoped.id);
  return resolveLimits(plan.characteristics, limitContext(lot, plan));
}
