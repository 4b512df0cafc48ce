import type {
  TEnterResultsInput,
  TImportResultsCsvInput,
  TInspectionStatus,
  TResolvedLimit,
  TResultEntry,
} from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { defectCodeOf, evaluateResult } from './evaluate-result.ts';
import {
  findRequestInScope,
  getInspectionRequest,
  limitsOf,
  setRequestStatus,
  type TInspectionRequestDetail,
  type TScopedRequest,
} from './lab-requests.ts';
import { applyLotQualityStatus, type TLotStatusChange } from './lot-quality-status.ts';
import { parseResultsCsv } from './parse-results-csv.ts';
import { nextQualityNo } from './quality-numbers.ts';
import { notifySpcOfResults } from './spc-hook.ts';

const OPEN_FOR_RESULTS: readonly TInspectionStatus[] = ['received', 'results_entered', 'evaluated'];

export interface TEnterResultsResult {
  request: TInspectionRequestDetail;
  stored: number;
  /** Every characteristic has its samples' results: the request was evaluated (verdict set). */
  evaluated: boolean;
  verdict: 'pass' | 'fail' | null;
  openedNonconformances: string[];
  lotChange: TLotStatusChange | null;
}

function describeFailure(limit: TResolvedLimit, value: number, sampleNo: string): string {
  const name = defectCodeOf(limit);
  if (limit.unresolved)
    return `${name} ${value} ${limit.unit} on ${sampleNo}: no limit (${limit.unresolved})`;
  const range = `${limit.lower ?? '-∞'} … ${limit.upper ?? '+∞'} ${limit.unit}`;
  return `${name} ${value} ${limit.unit} on ${sampleNo} is outside ${range} (${limit.source})`;
}

/**
 * Stores results (append-only: a correction is a new row naming the one it supersedes), each judged against the
 * request's limits. When every characteristic has results on its required samples the request is evaluated: the
 * verdict is `fail` if any current result fails; every failed characteristic opens a nonconformance (one per
 * defect code and request) and the lot goes on hold. Nothing is stored when any entry is bad.
 */
async function storeResults(
  tx: TenantTx,
  ctx: TTenantContext,
  row: TScopedRequest,
  entries: ReadonlyArray<TResultEntry & { field: string }>,
  source: string,
): Promise<TEnterResultsResult> {
  if (!OPEN_FOR_RESULTS.includes(row.status)) {
    const why =
      row.status === 'requested' || row.status === 'sampled'
        ? 'receive its samples first'
        : 'it is decided; raise a new request to re-test';
    throw new DomainError('CONFLICT', `request ${row.requestNo} is ${row.status}: ${why}`, 'requestId', {
      reason: 'invalid_transition',
    });
  }
  const limits = limitsOf(row.limits);
  const limitBy = new Map(limits.map((l) => [l.characteristicId, l]));
  const sampleBy = new Map(row.samples.map((s) => [s.id, s]));
  const existing = await tx.inspectionResult.findMany({ where: { ...tenantFilter(ctx), requestId: row.id } });
  const superseded = new Set(existing.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const current = existing.filter((r) => !superseded.has(r.id));
  const touched = new Set<string>();
  for (const e of entries) {
    const sample = sampleBy.get(e.sampleId);
    if (!sample) throw DomainError.notFound('sample of this request', `${e.field}.sampleId`);
    if (!sample.receivedAt) {
      throw new DomainError(
        'CONFLICT',
        `sample ${sample.sampleNo} has not been received in the lab`,
        `${e.field}.sampleId`,
        {
          reason: 'invalid_transition',
        },
      );
    }
    if (!limitBy.has(e.characteristicId)) {
      throw DomainError.notFound('characteristic of this request', `${e.field}.characteristicId`);
    }
    const key = `${e.sampleId}|${e.characteristicId}`;
    if (touched.has(key)) {
      throw new DomainError(
        'BAD_REQUEST',
        `${sample.sampleNo} has this characteristic twice`,
        `${e.field}.characteristicId`,
      );
    }
    touched.add(key);
    const now = current.find((r) => r.sampleId === e.sampleId && r.characteristicId === e.characteristicId);
    if (e.supersedesId) {
      if (!now || now.id !== e.supersedesId) {
        throw new DomainError(
          'CONFLICT',
          'supersedesId must be the current result of this sample and characteristic',
          `${e.field}.supersedesId`,
          { reason: 'invalid_transition' },
        );
      }
    } else if (now) {
      throw new DomainError(
        'CONFLICT',
        `${sample.sampleNo} already has a result for this characteristic; send a correction naming it (supersedesId)`,
        `${e.field}.supersedesId`,
        { reason: 'invalid_transition' },
      );
    }
  }
  const enteredAt = new Date();
  const stored = await Promise.all(
    entries.map((e) =>
      tx.inspectionResult.create({
        data: {
          tenantId: ctx.tenantId,
          requestId: row.id,
          sampleId: e.sampleId,
          characteristicId: e.characteristicId,
          value: e.value,
          verdict: evaluateResult(limitBy.get(e.characteristicId) as TResolvedLimit, e.value),
          source,
          supersedesId: e.supersedesId ?? null,
          enteredById: ctx.userId,
          enteredAt,
        },
      }),
    ),
  );
  // The current results after this batch.
  const replaced = new Set(entries.map((e) => e.supersedesId).filter(Boolean));
  const all = [...current.filter((r) => !replaced.has(r.id)), ...stored];
  const complete = limits.every((l) => {
    const samples = new Set(
      all.filter((r) => r.characteristicId === l.characteristicId).map((r) => r.sampleId),
    );
    return samples.size >= Math.min(l.samplesRequired, row.samples.length);
  });
  const failed = all.filter((r) => r.verdict === 'fail');
  const verdict = complete ? (failed.length > 0 ? 'fail' : 'pass') : null;
  const status: TInspectionStatus = complete ? 'evaluated' : 'results_entered';
  await setRequestStatus(tx, ctx, row, { status, verdict }, 'requestId');

  const opened: string[] = [];
  let lotChange: TLotStatusChange | null = null;
  if (verdict === 'fail') {
    const known = new Set(
      (
        await tx.nonconformance.findMany({
          where: { ...tenantFilter(ctx), requestId: row.id },
          select: { defectCode: true },
        })
      ).map((n) => n.defectCode),
    );
    const plant = await tx.plant.findFirstOrThrow({
      where: { id: row.plantId, ...tenantFilter(ctx) },
      select: { code: true, timezone: true },
    });
    for (const l of limits) {
      const code = defectCodeOf(l);
      const bad = failed.filter((r) => r.characteristicId === l.characteristicId);
      if (bad.length === 0 || known.has(code)) continue;
      const ncNo = await nextQualityNo(tx, ctx, 'NC', plant);
      await tx.nonconformance.create({
        data: {
          tenantId: ctx.tenantId,
          plantId: row.plantId,
          ncNo,
          lotId: row.lot.id,
          requestId: row.id,
          defectCode: code,
          description: bad
            .map((r) =>
              describeFailure(l, r.value, row.samples.find((s) => s.id === r.sampleId)?.sampleNo ?? ''),
            )
            .join('; '),
        },
      });
      opened.push(ncNo);
    }
    lotChange = await applyLotQualityStatus(tx, ctx, row.lot.id, 'on_hold', 'requestId');
  }
  await recordAuditEvent(tx, ctx, {
    action: 'lab.results',
    targetType: 'inspection_request',
    targetId: row.id,
    details: {
      requestNo: row.requestNo,
      source,
      stored: stored.length,
      corrections: stored.filter((r) => r.supersedesId).length,
      failed: stored.filter((r) => r.verdict === 'fail').length,
      status,
      verdict,
      nonconformances: opened,
      lotStatus: lotChange?.changed ? `${lotChange.from}->${lotChange.to}` : null,
    },
  });
  await notifySpcOfResults(tx, {
    tenantId: ctx.tenantId,
    plantId: row.plantId,
    characteristicIds: [...new Set(stored.map((r) => r.characteristicId))],
  });
  return {
    request: await getInspectionRequest(tx, ctx, { id: row.id }),
    stored: stored.length,
    evaluated: complete,
    verdict,
    openedNonconformances: opened,
    lotChange,
  };
}

/** Results typed into the lab's form. */
export async function enterResults(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TEnterResultsInput,
): Promise<TEnterResultsResult> {
  const row = await findRequestInScope(tx, ctx, input.requestId, 'requestId');
  return storeResults(
    tx,
    ctx,
    row,
    input.results.map((r, i) => ({ ...r, field: `results.${i}` })),
    'form',
  );
}

/**
 * Results from an instrument's CSV (format in README.md). Every bad line is reported (line and column) in one
 * BAD_REQUEST on `csv`, and nothing is stored unless the whole file is good.
 */
export async function importResultsCsv(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TImportResultsCsvInput,
): Promise<TEnterResultsResult> {
  const row = await findRequestInScope(tx, ctx, input.requestId, 'requestId');
  const limits = limitsOf(row.limits);
  const parsed = parseResultsCsv(input.csv, {
    samples: new Map(row.samples.map((s) => [s.sampleNo, s.id])),
    characteristics: new Map(limits.map((l) => [defectCodeOf(l), l.characteristicId])),
  });
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 20);
    const more = parsed.errors.length - shown.length;
    throw new DomainError(
      'BAD_REQUEST',
      `${input.fileName}: ${parsed.errors.length} bad line(s), nothing stored — ` +
        shown.map((e) => `line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.message}`).join('; ') +
        (more > 0 ? `; and ${more} more` : ''),
      'csv',
    );
  }
  return storeResults(
    tx,
    ctx,
    row,
    parsed.entries.map((e) => ({
      sampleId: e.sampleId,
      characteristicId: e.characteristicId,
      value: e.value,
      field: `csv.line${e.line}`,
    })),
    `csv:${input.fileName}`,
  );
}
