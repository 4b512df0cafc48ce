import type {
  TConfirmSamplingInput,
  TGetInspectionRequestInput,
  TInspectionStatus,
  TListInspectionRequestsInput,
  TReceiveSampleInput,
  TResolvedLimit,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { isPlantInScope, plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

const requestInclude = {
  plant: { select: { code: true } },
  lot: { select: { id: true, lotNo: true, status: true, kind: true, weightKg: true, heatNo: true } },
  plan: { select: { id: true, code: true, name: true } },
  operation: { select: { operationCode: true, seq: true, workOrder: { select: { workOrderNo: true } } } },
  samples: { orderBy: { sampleNo: 'asc' } },
} as const;

/** The request inside the caller's tenant and plant scope, else NOT_FOUND on `field` (also for another tenant's). */
export async function findRequestInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.inspectionRequest.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    include: requestInclude,
  });
  if (!row) throw DomainError.notFound('inspection request', field);
  return row;
}
export type TScopedRequest = Awaited<ReturnType<typeof findRequestInScope>>;

export function limitsOf(json: unknown): TResolvedLimit[] {
  return Array.isArray(json) ? (json as TResolvedLimit[]) : [];
}

export interface TInspectionRequestSummary {
  id: string;
  requestNo: string;
  plantId: string;
  plantCode: string;
  status: TInspectionStatus;
  origin: string;
  verdict: string | null;
  decision: string | null;
  lot: { id: string; lotNo: string; status: string };
  plan: { id: string; code: string; name: string };
  operation: { operationCode: string; seq: number; workOrderNo: string } | null;
  samples: number;
  received: number;
  createdAt: Date;
}

function toSummary(row: TScopedRequest): TInspectionRequestSummary {
  return {
    id: row.id,
    requestNo: row.requestNo,
    plantId: row.plantId,
    plantCode: row.plant.code,
    status: row.status,
    origin: row.origin,
    verdict: row.verdict,
    decision: row.decision,
    lot: { id: row.lot.id, lotNo: row.lot.lotNo, status: row.lot.status },
    plan: row.plan,
    operation: row.operation
      ? {
          operationCode: row.operation.operationCode,
          seq: row.operation.seq,
          workOrderNo: row.operation.workOrder.workOrderNo,
        }
      : null,
    samples: row.samples.length,
    received: row.samples.filter((s) => s.receivedAt !== null).length,
    createdAt: row.createdAt,
  };
}

/** The lab's work list: requests of the caller's plants, newest first, optionally by status, plant or lot. */
export async function listInspectionRequests(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListInspectionRequestsInput,
): Promise<TInspectionRequestSummary[]> {
  if (input.plantId && !isPlantInScope(ctx, input.plantId)) throw DomainError.notFound('plant', 'plantId');
  if (input.plantId) {
    const plant = await tx.plant.findFirst({ where: { id: input.plantId, ...tenantFilter(ctx) } });
    if (!plant) throw DomainError.notFound('plant', 'plantId');
  }
  const rows = await tx.inspectionRequest.findMany({
    where: {
      ...tenantFilter(ctx),
      AND: [plantScopeOnChild(ctx)],
      ...(input.plantId ? { plantId: input.plantId } : {}),
      ...(input.status ? { status: { in: input.status } } : {}),
      ...(input.lotId ? { lotId: input.lotId } : {}),
    },
    include: requestInclude,
    orderBy: { createdAt: 'desc' },
    take: input.limit,
  });
  return rows.map(toSummary);
}

export interface TInspectionResultDto {
  id: string;
  sampleId: string;
  sampleNo: string;
  characteristicId: string;
  value: number;
  verdict: string;
  source: string;
  supersedesId: string | null;
  /** Null while current; the correction's id once superseded. */
  supersededById: string | null;
  enteredAt: Date;
  enteredById: string | null;
}

export interface TInspectionRequestDetail extends TInspectionRequestSummary {
  limits: TResolvedLimit[];
  sampleList: Array<{ id: string; sampleNo: string; position: string; receivedAt: Date | null }>;
  results: TInspectionResultDto[];
  nonconformances: Array<{
    id: string;
    ncNo: string;
    defectCode: string;
    status: string;
    disposition: string | null;
  }>;
  decidedAt: Date | null;
}

export async function inspectionRequestDetail(
  tx: TenantTx,
  ctx: TTenantContext,
  row: TScopedRequest,
): Promise<TInspectionRequestDetail> {
  const results = await tx.inspectionResult.findMany({
    where: { ...tenantFilter(ctx), requestId: row.id },
    orderBy: { enteredAt: 'asc' },
  });
  const supersededBy = new Map(results.filter((r) => r.supersedesId).map((r) => [r.supersedesId, r.id]));
  const ncs = await tx.nonconformance.findMany({
    where: { ...tenantFilter(ctx), requestId: row.id },
    orderBy: { ncNo: 'asc' },
    select: { id: true, ncNo: true, defectCode: true, status: true, disposition: true },
  });
  const sampleNo = new Map(row.samples.map((s) => [s.id, s.sampleNo]));
  return {
    ...toSummary(row),
    limits: limitsOf(row.limits),
    sampleList: row.samples.map((s) => ({
      id: s.id,
      sampleNo: s.sampleNo,
      position: s.position,
      receivedAt: s.receivedAt,
    })),
    results: results.map((r) => ({
      id: r.id,
      sampleId: r.sampleId,
      sampleNo: sampleNo.get(r.sampleId) ?? '',
      characteristicId: r.characteristicId,
      value: r.value,
      verdict: r.verdict,
      source: r.source,
      supersedesId: r.supersedesId,
      supersededById: supersededBy.get(r.id) ?? null,
      enteredAt: r.enteredAt,
      enteredById: r.enteredById,
    })),
    nonconformances: ncs,
    decidedAt: row.decidedAt,
  };
}

export async function getInspectionRequest(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TGetInspectionRequestInput,
): Promise<TInspectionRequestDetail> {
  return inspectionRequestDetail(tx, ctx, await findRequestInScope(tx, ctx, input.id));
}

/** Compare-and-set of a request's status (two lab people acting at once: one wins, the other gets CONFLICT). */
export async function setRequestStatus(
  tx: TenantTx,
  ctx: TTenantContext,
  row: { id: string; requestNo: string; status: TInspectionStatus },
  data: {
    status: TInspectionStatus;
    verdict?: string | null;
    decision?: string;
    decidedAt?: Date;
    decidedById?: string;
  },
  field: string,
): Promise<void> {
  const { count } = await tx.inspectionRequest.updateMany({
    where: { id: row.id, status: row.status, ...tenantFilter(ctx) },
    data,
  });
  if (count !== 1) {
    throw new DomainError(
      'CONFLICT',
      `request ${row.requestNo} was changed by someone else meanwhile`,
      field,
      {
        reason: 'invalid_transition',
      },
    );
  }
}

/** The sampler confirms the samples were cut and labelled (requested -> sampled). */
export async function confirmSampling(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TConfirmSamplingInput,
): Promise<TInspectionRequestDetail> {
  const row = await findRequestInScope(tx, ctx, input.id);
  if (row.status !== 'requested') {
    throw new DomainError('CONFLICT', `request ${row.requestNo} is ${row.status}, not requested`, 'id', {
      reason: 'invalid_transition',
    });
  }
  await setRequestStatus(tx, ctx, row, { status: 'sampled' }, 'id');
  await recordAuditEvent(tx, ctx, {
    action: 'lab.confirmSampling',
    targetType: 'inspection_request',
    targetId: row.id,
    details: { requestNo: row.requestNo, samples: row.samples.map((s) => s.sampleNo) },
  });
  return getInspectionRequest(tx, ctx, { id: row.id });
}

export interface TReceivedSample {
  sampleNo: string;
  requestId: string;
  requestNo: string;
  /** Every sample of the request is in the lab now. */
  allReceived: boolean;
  status: TInspectionStatus;
}

/**
 * Receipt in the lab by scanning the label (the QR code holds the sample no.). Receiving implies the sample was
 * taken; the request goes to `received` when its last sample arrives. A sample scanned twice is refused.
 */
export async function receiveSample(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TReceiveSampleInput,
): Promise<TReceivedSample> {
  const sample = await tx.labSample.findFirst({
    where: {
      sampleNo: input.sampleNo,
      ...tenantFilter(ctx),
      request: { ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    },
  });
  if (!sample) throw DomainError.notFound('sample', 'sampleNo');
  const row = await findRequestInScope(tx, ctx, sample.requestId, 'sampleNo');
  if (sample.receivedAt) {
    throw new DomainError(
      'CONFLICT',
      `sample ${sample.sampleNo} was already received at ${sample.receivedAt.toISOString()}`,
      'sampleNo',
      { reason: 'invalid_transition' },
    );
  }
  if (row.status !== 'requested' && row.status !== 'sampled') {
    throw new DomainError(
      'CONFLICT',
      `request ${row.requestNo} is ${row.status}; it takes no samples`,
      'sampleNo',
      {
        reason: 'invalid_transition',
      },
    );
  }
  const { count } = await tx.labSample.updateMany({
    where: { id: sample.id, receivedAt: null, ...tenantFilter(ctx) },
    data: { receivedAt: new Date(), receivedById: ctx.userId },
  });
  if (count !== 1) {
    throw new DomainError(
      'CONFLICT',
      `sample ${sample.sampleNo} was received by someone else meanwhile`,
      'sampleNo',
      {
        reason: 'invalid_transition',
      },
    );
  }
  const pending = row.samples.filter((s) => s.receivedAt === null && s.id !== sample.id).length;
  const status: TInspectionStatus = pending === 0 ? 'received' : 'sampled';
  if (status !== row.status) await setRequestStatus(tx, ctx, row, { status }, 'sampleNo');
  await recordAuditEvent(tx, ctx, {
    action: 'lab.receive',
    targetType: 'lab_sample',
    targetId: sample.id,
    details: { sampleNo: sample.sampleNo, requestNo: row.requestNo, allReceived: pending === 0 },
  });
  return {
    sampleNo: sample.sampleNo,
    requestId: row.id,
    requestNo: row.requestNo,
    allReceived: pending === 0,
    status,
  };
}
