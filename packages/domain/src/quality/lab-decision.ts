import type { TCancelInspectionInput, TDecideInspectionInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import {
  findRequestInScope,
  getInspectionRequest,
  setRequestStatus,
  type TInspectionRequestDetail,
} from './lab-requests.ts';
import { applyLotQualityStatus, type TLotStatusChange } from './lot-quality-status.ts';

export interface TDecideInspectionResult {
  request: TInspectionRequestDetail;
  lotChange: TLotStatusChange;
}

/** Dispositions under which a failed lot may still be released (the customer accepted it, or it ships as a lower grade). */
const RELEASABLE = new Set(['concession', 'downgrade']);

/**
 * The quality engineer approves the evaluated report: `release` (request approved, lot released) or `hold` (request
 * rejected, lot on hold). A failed report can be released only once each of its nonconformances is dispositioned
 * as a concession or downgrade.
 */
export async function decideInspection(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TDecideInspectionInput,
): Promise<TDecideInspectionResult> {
  const row = await findRequestInScope(tx, ctx, input.id);
  if (row.status !== 'evaluated') {
    throw new DomainError(
      'CONFLICT',
      `request ${row.requestNo} is ${row.status}; only an evaluated report can be approved`,
      'id',
      { reason: 'invalid_transition' },
    );
  }
  if (input.decision === 'release' && row.verdict === 'fail') {
    const ncs = await tx.nonconformance.findMany({
      where: { ...tenantFilter(ctx), requestId: row.id },
      select: { ncNo: true, disposition: true },
    });
    const blocking = ncs.filter((n) => !n.disposition || !RELEASABLE.has(n.disposition));
    if (blocking.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `the report failed; release needs a concession or downgrade on ${blocking.map((n) => n.ncNo).join(', ')}`,
        'decision',
        { reason: 'invalid_transition' },
      );
    }
  }
  const now = new Date();
  await setRequestStatus(
    tx,
    ctx,
    row,
    {
      status: input.decision === 'release' ? 'approved' : 'rejected',
      decision: input.decision,
      decidedAt: now,
      decidedById: ctx.userId,
    },
    'id',
  );
  const lotChange = await applyLotQualityStatus(
    tx,
    ctx,
    row.lot.id,
    input.decision === 'release' ? 'released' : 'on_hold',
    'id',
  );
  await recordAuditEvent(tx, ctx, {
    action: 'lab.approve',
    targetType: 'inspection_request',
    targetId: row.id,
    details: {
      requestNo: row.requestNo,
      decision: input.decision,
      verdict: row.verdict,
      note: input.note,
      lotNo: row.lot.lotNo,
      lotStatus: lotChange.changed ? `${lotChange.from}->${lotChange.to}` : `unchanged: ${lotChange.note}`,
    },
  });
  return { request: await getInspectionRequest(tx, ctx, { id: row.id }), lotChange };
}

/**
 * What the labInspection workflow's idempotent activity does on a decision: make the lot follow the stored decision
 * (a no-op when it already does, as when the API applied it). Answers null when the request is not decided.
 */
export async function applyInspectionDecision(
  tx: TenantTx,
  ctx: TTenantContext,
  requestId: string,
): Promise<{ decision: string; lotChange: TLotStatusChange } | null> {
  const row = await tx.inspectionRequest.findFirst({
    where: { id: requestId, ...tenantFilter(ctx) },
    select: { decision: true, lotId: true, status: true },
  });
  if (row?.status === 'cancelled') {
    const lot = await tx.materialLot.findFirstOrThrow({
      where: { id: row.lotId, ...tenantFilter(ctx) },
      select: { lotNo: true, status: true },
    });
    return {
      decision: 'cancelled',
      lotChange: {
        lotId: row.lotId,
        lotNo: lot.lotNo,
        from: lot.status,
        to: lot.status,
        changed: false,
        note: 'request cancelled',
      },
    };
  }
  if (!row?.decision || (row.status !== 'approved' && row.status !== 'rejected')) return null;
  // A released lot whose nonconformance was later dispositioned (scrap, rework) has moved on: follow the NC, not the report.
  const lot = await tx.materialLot.findFirstOrThrow({
    where: { id: row.lotId, ...tenantFilter(ctx) },
    select: { status: true },
  });
  const target = row.decision === 'release' ? 'released' : 'on_hold';
  if (lot.status !== 'available' && lot.status !== 'in_process' && lot.status !== target) {
    return {
      decision: row.decision,
      lotChange: {
        lotId: row.lotId,
        lotNo: '',
        from: lot.status,
        to: target,
        changed: false,
        note: `lot is ${lot.status}; left as it is`,
      },
    };
  }
  return { decision: row.decision, lotChange: await applyLotQualityStatus(tx, ctx, row.lotId, target, 'id') };
}

/** Withdraws a request raised in error, before its decision; results stay as recorded, the lot is left as it is. */
export async function cancelInspection(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCancelInspectionInput,
): Promise<TInspectionRequestDetail> {
  const row = await findRequestInScope(tx, ctx, input.id);
  if (row.status === 'approved' || row.status === 'rejected' || row.status === 'cancelled') {
    throw new DomainError(
      'CONFLICT',
      `request ${row.requestNo} is ${row.status} and cannot be cancelled`,
      'id',
      {
        reason: 'invalid_transition',
      },
    );
  }
  await setRequestStatus(tx, ctx, row, { status: 'cancelled' }, 'id');
  await recordAuditEvent(tx, ctx, {
    action: 'lab.cancel',
    targetType: 'inspection_request',
    targetId: row.id,
    details: { requestNo: row.requestNo, from: row.status, reason: input.reason },
  });
  return getInspectionRequest(tx, ctx, { id: row.id });
}
