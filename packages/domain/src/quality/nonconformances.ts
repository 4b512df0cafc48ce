import type {
  TCloseNonconformanceInput,
  TDisposition,
  TDispositionNonconformanceInput,
  TGetNonconformanceInput,
  TListNonconformancesInput,
  TLotStatus,
  TOpenNonconformanceInput,
  TSetCorrectiveActionInput,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import { findLotInScope } from '../lot/find-lot-in-scope.ts';
import { isPlantInScope, plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { applyLotQualityStatus, type TLotStatusChange } from './lot-quality-status.ts';
import { nextQualityNo } from './quality-numbers.ts';

/** Where the lot goes for each disposition. */
export const LOT_STATUS_FOR_DISPOSITION: Readonly<Record<TDisposition, TLotStatus>> = {
  // Back to production to be reworked (and inspected again).
  rework: 'available',
  // Ships as a lower grade: released, the nonconformance noted.
  downgrade: 'released',
  scrap: 'scrapped',
  // The customer accepted the deviation (its reference is recorded): released with the nonconformance noted.
  concession: 'released',
};

const ncInclude = {
  plant: { select: { code: true } },
  lot: { select: { id: true, lotNo: true, status: true } },
  request: { select: { id: true, requestNo: true } },
} as const;

async function findNcInScope(tx: TenantTx, ctx: TTenantContext, id: string, field = 'id') {
  const row = await tx.nonconformance.findFirst({
    where: { id, ...tenantFilter(ctx), AND: [plantScopeOnChild(ctx)] },
    include: ncInclude,
  });
  if (!row) throw DomainError.notFound('nonconformance', field);
  return row;
}
type TNcRow = Awaited<ReturnType<typeof findNcInScope>>;

export interface TNonconformanceDto {
  id: string;
  ncNo: string;
  plantId: string;
  plantCode: string;
  lot: { id: string; lotNo: string; status: string };
  request: { id: string; requestNo: string } | null;
  defectCode: string;
  description: string;
  status: string;
  disposition: TDisposition | null;
  dispositionNote: string;
  concessionRef: string;
  dispositionAt: Date | null;
  dispositionById: string | null;
  correctiveAction: string;
  correctiveOwner: { id: string; displayName: string; email: string } | null;
  correctiveDueAt: Date | null;
  closedAt: Date | null;
  /** Days since it was opened (until closed). */
  ageDays: number;
  createdAt: Date;
}

async function toDto(tx: TenantTx, ctx: TTenantContext, row: TNcRow): Promise<TNonconformanceDto> {
  const owner = row.correctiveOwnerId
    ? await tx.user.findFirst({
        where: { id: row.correctiveOwnerId, memberships: { some: { ...tenantFilter(ctx) } } },
        select: { id: true, displayName: true, email: true },
      })
    : null;
  const end = row.closedAt ?? new Date();
  return {
    id: row.id,
    ncNo: row.ncNo,
    plantId: row.plantId,
    plantCode: row.plant.code,
    lot: row.lot,
    request: row.request,
    defectCode: row.defectCode,
    description: row.description,
    status: row.status,
    disposition: row.disposition,
    dispositionNote: row.dispositionNote,
    concessionRef: row.concessionRef,
    dispositionAt: row.dispositionAt,
    dispositionById: row.dispositionById,
    correctiveAction: row.correctiveAction,
    correctiveOwner: owner,
    correctiveDueAt: row.correctiveDueAt,
    closedAt: row.closedAt,
    ageDays: Math.floor((end.getTime() - row.createdAt.getTime()) / 86_400_000),
    createdAt: row.createdAt,
  };
}

export async function listNonconformances(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TListNonconformancesInput,
): Promise<TNonconformanceDto[]> {
  if (input.plantId) {
    const plant = isPlantInScope(ctx, input.plantId)
      ? await tx.plant.findFirst({ where: { id: input.plantId, ...tenantFilter(ctx) } })
      : null;
    if (!plant) throw DomainError.notFound('plant', 'plantId');
  }
  const rows = await tx.nonconformance.findMany({
    where: {
      ...tenantFilter(ctx),
      AND: [plantScopeOnChild(ctx)],
      ...(input.plantId ? { plantId: input.plantId } : {}),
      ...(input.status ? { status: { in: input.status } } : {}),
      ...(input.lotId ? { lotId: input.lotId } : {}),
    },
    include: ncInclude,
    orderBy: { createdAt: 'desc' },
    take: input.limit,
  });
  return Promise.all(rows.map((r) => toDto(tx, ctx, r)));
}

export async function getNonconformance(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TGetNonconformanceInput,
): Promise<TNonconformanceDto> {
  return toDto(tx, ctx, await findNcInScope(tx, ctx, input.id));
}

/** A nonconformance found outside the lab (a customer complaint, a defect seen at the line). */
export async function openNonconformance(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TOpenNonconformanceInput,
): Promise<TNonconformanceDto> {
  const lot = await findLotInScope(tx, ctx, input.lotId, 'lotId');
  const plant = await tx.plant.findFirstOrThrow({
    where: { id: lot.plantId, ...tenantFilter(ctx) },
    select: { code: true, timezone: true },
  });
  const ncNo = await nextQualityNo(tx, ctx, 'NC', plant);
  const row = await tx.nonconformance.create({
    data: {
      tenantId: ctx.tenantId,
      plantId: lot.plantId,
      ncNo,
      lotId: lot.id,
      defectCode: input.defectCode,
      description: input.description,
    },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'nonconformance.open',
    targetType: 'nonconformance',
    targetId: row.id,
    details: { ncNo, lotNo: lot.lotNo, defectCode: input.defectCode },
  });
  return getNonconformance(tx, ctx, { id: row.id });
}

export interface TDispositionResult {
  nonconformance: TNonconformanceDto;
  lotChange: TLotStatusChange;
}

/**
 * The quality engineer's decision on the nonconforming lot: rework (back to production), downgrade (released as a
 * lower grade), scrap, or concession (released; needs the customer's reference). Decided once; the lot follows
 * through the lot life cycle — a lot that already moved on (consumed, shipped) keeps its status and the answer says so.
 */
export async function dispositionNonconformance(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TDispositionNonconformanceInput,
): Promise<TDispositionResult> {
  const row = await findNcInScope(tx, ctx, input.id);
  if (row.status !== 'open') {
    throw new DomainError(
      'CONFLICT',
      `${row.ncNo} is ${row.status}; its disposition is decided`,
      'disposition',
      {
        reason: 'invalid_transition',
      },
    );
  }
  const { count } = await tx.nonconformance.updateMany({
    where: { id: row.id, status: 'open', ...tenantFilter(ctx) },
    data: {
      status: 'dispositioned',
      disposition: input.disposition,
      dispositionNote: input.note,
      concessionRef: input.disposition === 'concession' ? input.concessionRef : '',
      dispositionById: ctx.userId,
      dispositionAt: new Date(),
    },
  });
  if (count !== 1) {
    throw new DomainError('CONFLICT', `${row.ncNo} was changed by someone else meanwhile`, 'disposition', {
      reason: 'invalid_transition',
    });
  }
  const lotChange = await applyLotQualityStatus(
    tx,
    ctx,
    row.lot.id,
    LOT_STATUS_FOR_DISPOSITION[input.disposition],
    'disposition',
  );
  await recordAuditEvent(tx, ctx, {
    action: 'nonconformance.disposition',
    targetType: 'nonconformance',
    targetId: row.id,
    details: {
      ncNo: row.ncNo,
      disposition: input.disposition,
      concessionRef: input.disposition === 'concession' ? input.concessionRef : null,
      lotNo: row.lot.lotNo,
      lotStatus: lotChange.changed ? `${lotChange.from}->${lotChange.to}` : `unchanged: ${lotChange.note}`,
    },
  });
  return { nonconformance: await getNonconformance(tx, ctx, { id: row.id }), lotChange };
}

/** The corrective action against the cause: what, who (a member of the tenant) and by when. */
export async function setCorrectiveAction(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSetCorrectiveActionInput,
): Promise<TNonconformanceDto> {
  const row = await findNcInScope(tx, ctx, input.id);
  if (row.status === 'closed') {
    throw new DomainError('CONFLICT', `${row.ncNo} is closed`, 'id', { reason: 'invalid_transition' });
  }
  const member = await tx.membership.findFirst({
    where: { userId: input.ownerUserId, ...tenantFilter(ctx) },
  });
  if (!member) throw DomainError.notFound('member', 'ownerUserId');
  await tx.nonconformance.update({
    where: { id: row.id, ...tenantFilter(ctx) },
    data: {
      correctiveAction: input.action,
      correctiveOwnerId: input.ownerUserId,
      correctiveDueAt: input.dueAt,
    },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'nonconformance.correctiveAction',
    targetType: 'nonconformance',
    targetId: row.id,
    details: { ncNo: row.ncNo, ownerUserId: input.ownerUserId, dueAt: input.dueAt.toISOString() },
  });
  return getNonconformance(tx, ctx, { id: row.id });
}

/** Closes a nonconformance: only once it is dispositioned and has a corrective action with owner and due date. */
export async function closeNonconformance(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCloseNonconformanceInput,
): Promise<TNonconformanceDto> {
  const row = await findNcInScope(tx, ctx, input.id);
  if (row.status !== 'dispositioned') {
    const why = row.status === 'open' ? 'decide its disposition first' : 'it is already closed';
    throw new DomainError('CONFLICT', `${row.ncNo} cannot be closed: ${why}`, 'id', {
      reason: 'invalid_transition',
    });
  }
  if (!row.correctiveAction || !row.correctiveOwnerId || !row.correctiveDueAt) {
    throw new DomainError(
      'CONFLICT',
      `${row.ncNo} cannot be closed without a corrective action, its owner and due date`,
      'id',
      { reason: 'invalid_transition' },
    );
  }
  await tx.nonconformance.update({
    where: { id: row.id, ...tenantFilter(ctx) },
    data: {
      status: 'closed',
      closedAt: new Date(),
      ...(input.note
        ? { dispositionNote: [row.dispositionNote, input.note].filter(Boolean).join('\n') }
        : {}),
    },
  });
  await recordAuditEvent(tx, ctx, {
    action: 'nonconformance.close',
    targetType: 'nonconformance',
    targetId: row.id,
    details: { ncNo: row.ncNo, note: input.note },
  });
  return getNonconformance(tx, ctx, { id: row.id });
}
