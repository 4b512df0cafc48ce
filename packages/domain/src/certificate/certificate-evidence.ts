import type { TenantTx } from '@ingot/db';
import { DomainError } from '../errors/domain-error.ts';
import { lotGenealogy } from '../lot/lot-genealogy.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import type {
  TCertificateChemistry,
  TCertificateLimit,
  TCertificateMechanical,
} from './certificate-content.ts';

/** Characteristics printed as mechanical / physical properties (chemistry has its own table). */
export const MECHANICAL_CODES = [
  'tensile_strength',
  'yield_strength',
  'elongation',
  'hardness',
  'conductivity',
] as const;

type TComposition = Record<string, { min?: number; max?: number } | undefined>;

/** A shipped lot, with what the certificate needs of it. */
export interface TShippedLot {
  id: string;
  lotNo: string;
  heatNo: string | null;
  castNo: string | null;
  alloy: { code: string; standard: string; composition: unknown } | null;
}

interface TChainLot {
  id: string;
  lotNo: string;
  depth: number;
  heatNo: string | null;
  castNo: string | null;
}

interface TEffectiveResult {
  code: string;
  element: string;
  unit: string;
  method: string;
  value: number;
  verdict: string;
  sampleNo: string;
  limit: TCertificateLimit;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The request's resolved limit of a characteristic (TResolvedLimit rows in `inspection_request.limits`). */
function limitOf(limits: unknown, characteristicId: string, fallback: TCertificateLimit): TCertificateLimit {
  if (Array.isArray(limits)) {
    const row = limits.find(
      (l): l is { characteristicId: string; lower?: unknown; upper?: unknown } =>
        !!l &&
        typeof l === 'object' &&
        (l as { characteristicId?: unknown }).characteristicId === characteristicId,
    );
    if (row) {
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
      return { min: num(row.lower), max: num(row.upper) };
    }
  }
  return fallback;
}

/**
 * The approved inspection evidence behind each shipped lot: the lot's own approved results and those of its
 * ancestors (lot_link genealogy, walked with the lot domain's lotGenealogy), nearest first. Refuses a lot
 * without any approved result, naming it.
 */
export async function collectCertificateEvidence(
  tx: TenantTx,
  ctx: TTenantContext,
  shipped: readonly TShippedLot[],
): Promise<{
  chemistry: TCertificateChemistry[];
  mechanical: TCertificateMechanical[];
  concessions: Array<{ lotNo: string; ncNo: string; defectCode: string; concessionRef: string }>;
}> {
  const chains = new Map<string, TChainLot[]>();
  for (const lot of shipped) {
    const genealogy = await lotGenealogy(tx, ctx, { id: lot.id, direction: 'backward', maxDepth: 30 });
    chains.set(
      lot.id,
      genealogy.lots
        .filter((l) => l.depth <= 0)
        .map((l) => ({ id: l.id, lotNo: l.lotNo, depth: l.depth, heatNo: l.heatNo, castNo: l.castNo }))
        .sort((a, b) => b.depth - a.depth || a.lotNo.localeCompare(b.lotNo)),
    );
  }
  const allIds = [...new Set([...chains.values()].flatMap((c) => c.map((l) => l.id)))];
  const [requests, ncs] = await Promise.all([
    tx.inspectionRequest.findMany({
      where: { ...tenantFilter(ctx), lotId: { in: allIds }, status: 'approved' },
      include: {
        results: {
          where: { ...tenantFilter(ctx) },
          include: { characteristic: true, sample: { select: { sampleNo: true } } },
          orderBy: [{ enteredAt: 'asc' }, { id: 'asc' }],
        },
      },
      orderBy: [{ decidedAt: 'desc' }, { createdAt: 'desc' }],
    }),
    tx.nonconformance.findMany({
      where: { ...tenantFilter(ctx), lotId: { in: allIds }, disposition: 'concession' },
      orderBy: { ncNo: 'asc' },
    }),
  ]);

  // Effective results per lot: a correction supersedes the row it names (append-only results).
  const resultsOfLot = new Map<string, TEffectiveResult[]>();
  for (const req of requests) {
    const superseded = new Set(req.results.map((r) => r.supersedesId).filter((x): x is string => !!x));
    const list = resultsOfLot.get(req.lotId) ?? [];
    for (const r of req.results) {
      if (superseded.has(r.id)) continue;
      list.push({
        code: r.characteristic.code,
        element: r.characteristic.element,
        unit: r.characteristic.unit,
        method: r.characteristic.method,
        value: r.value,
        verdict: r.verdict,
        sampleNo: r.sample.sampleNo,
        limit: limitOf(req.limits, r.characteristicId, {
          min: r.characteristic.lowerLimit,
          max: r.characteristic.upperLimit,
        }),
      });
    }
    resultsOfLot.set(req.lotId, list);
  }

  const chemistryByHeat = new Map<string, TCertificateChemistry>();
  const mechanical: TCertificateMechanical[] = [];
  const concessions: Array<{ lotNo: string; ncNo: string; defectCode: string; concessionRef: string }> = [];
  for (const lot of shipped) {
    const chain = chains.get(lot.id) ?? [];
    if (!chain.some((c) => (resultsOfLot.get(c.id)?.length ?? 0) > 0))
      throw new DomainError(
        'BAD_REQUEST',
        `shipmentId: lot ${lot.lotNo} has no approved inspection results`,
        'shipmentId',
        { reason: 'not_eligible', params: { lotNo: lot.lotNo } },
      );
    // Chemistry: from the nearest lot of the chain that was analysed; one table per heat.
    const heatKey = lot.heatNo ?? lot.castNo ?? lot.lotNo;
    if (!chemistryByHeat.has(heatKey)) {
      const source = chain.find((c) => resultsOfLot.get(c.id)?.some((r) => r.code === 'chemistry'));
      if (source) {
        const composition = (lot.alloy?.composition ?? {}) as TComposition;
        const byElement = new Map<string, TEffectiveResult[]>();
        for (const r of resultsOfLot.get(source.id) ?? [])
          if (r.code === 'chemistry' && r.element)
            byElement.set(r.element, [...(byElement.get(r.element) ?? []), r]);
        chemistryByHeat.set(heatKey, {
          heatNo: lot.heatNo ?? source.heatNo ?? '',
          castNo: lot.castNo ?? source.castNo ?? null,
          alloy: lot.alloy?.code ?? '',
          standard: lot.alloy?.standard ?? '',
          sampleLotNo: source.lotNo,
          elements: [...byElement.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([element, rs]) => {
              const value = r4(rs.reduce((s, r) => s + r.value, 0) / rs.length);
              const fromAlloy = composition[element];
              const first = rs[0] as TEffectiveResult;
              const limit =
                first.limit.min !== null || first.limit.max !== null
                  ? first.limit
                  : { min: fromAlloy?.min ?? null, max: fromAlloy?.max ?? null };
              const within =
                (limit.min === null || value >= limit.min) && (limit.max === null || value <= limit.max);
              return { element, value, limit, verdict: within ? ('pass' as const) : ('fail' as const) };
            }),
        });
      }
    }
    // Mechanical properties: per property, from the nearest lot of the chain that was tested for it.
    const properties: TCertificateMechanical['properties'] = [];
    let sampleLotNo = lot.lotNo;
    for (const code of MECHANICAL_CODES) {
      const source = chain.find((c) => resultsOfLot.get(c.id)?.some((r) => r.code === code));
      if (!source) continue;
      const rs = (resultsOfLot.get(source.id) ?? [])
        .filter((r) => r.code === code)
        .sort((a, b) => a.sampleNo.localeCompare(b.sampleNo));
      const first = rs[0] as TEffectiveResult;
      if (source.id !== lot.id) sampleLotNo = source.lotNo;
      properties.push({
        code,
        unit: first.unit,
        method: first.method,
        values: rs.map((r) => r.value),
        limit: first.limit,
        verdict: rs.every((r) => r.verdict === 'pass') ? 'pass' : 'fail',
      });
    }
    if (properties.length > 0) mechanical.push({ lotNo: lot.lotNo, sampleLotNo, properties });
    const chainIds = new Set(chain.map((c) => c.id));
    for (const nc of ncs)
      if (chainIds.has(nc.lotId))
        concessions.push({
          lotNo: lot.lotNo,
          ncNo: nc.ncNo,
          defectCode: nc.defectCode,
          concessionRef: nc.concessionRef,
        });
  }
  return { chemistry: [...chemistryByHeat.values()], mechanical, concessions };
}
