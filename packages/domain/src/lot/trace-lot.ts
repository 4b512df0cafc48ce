import type { TTraceLotInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { findLotInScope } from './find-lot-in-scope.ts';
import { lotGenealogy, type TLotGenealogy } from './lot-genealogy.ts';
import { searchLots, type TLotSearchHit } from './search-lots.ts';

/** What an operation did to a lot of the trace: reports at the machine (start, quantities, finish, notes). */
export interface TTraceOperation {
  operationId: string;
  operationCode: string;
  workOrderNo: string;
  equipmentId: string | null;
  equipmentCode: string | null;
  actualStart: Date | null;
  actualEnd: Date | null;
  goodT: number;
  scrapT: number;
  reports: Array<{
    kind: string;
    at: Date;
    goodT: number;
    scrapT: number;
    note: string;
    equipmentCode: string | null;
  }>;
}

export interface TTraceInspection {
  lotId: string;
  requestNo: string;
  status: string;
  verdict: string | null;
  decision: string | null;
  results: Array<{ code: string; element: string; unit: string; value: number; verdict: string }>;
}

export interface TTraceCertificate {
  id: string;
  certNo: string;
  status: string;
  shipmentNo: string;
  lotIds: string[];
}

export interface TLotTrace {
  hits: TLotSearchHit[];
  /** The traced lot's genealogy (backward to the cast, forward to shipments); null when nothing matched. */
  genealogy: TLotGenealogy | null;
  /** Per operation that produced a lot of the genealogy. */
  operations: TTraceOperation[];
  /** Lab requests of the genealogy's lots, with their effective results (ingot chemistry among them). */
  inspections: TTraceInspection[];
  /** Certificates of the shipments that carried lots of the genealogy. */
  certificates: TTraceCertificate[];
}

/**
 * Traceability from one search box: the search hits (lot.search), then for the chosen lot (or the first hit) its
 * genealogy both ways (lot.genealogy), the operations that made each lot with the operators' reports, the lab
 * results of every lot (ingot chemistry included) and the certificates of its shipments. All in tenant and
 * plant scope; a lot id outside it is NOT_FOUND.
 */
export async function traceLot(tx: TenantTx, ctx: TTenantContext, input: TTraceLotInput): Promise<TLotTrace> {
  const hits = await searchLots(tx, ctx, { q: input.q, limit: 30 });
  const targetId = input.lotId ? (await findLotInScope(tx, ctx, input.lotId, 'lotId')).id : hits[0]?.id;
  if (!targetId) return { hits, genealogy: null, operations: [], inspections: [], certificates: [] };
  const genealogy = await lotGenealogy(tx, ctx, { id: targetId, direction: 'both', maxDepth: 20 });
  const lotIds = genealogy.lots.map((l) => l.id);
  const operationIds = [
    ...new Set(genealogy.lots.map((l) => l.producedBy?.operationId).filter((x): x is string => !!x)),
  ];
  const [operations, requests, certificates] = await Promise.all([
    tx.workOrderOperation.findMany({
      where: { ...tenantFilter(ctx), id: { in: operationIds } },
      include: {
        workOrder: { select: { workOrderNo: true } },
        reports: { where: { ...tenantFilter(ctx) }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      },
    }),
    tx.inspectionRequest.findMany({
      where: { ...tenantFilter(ctx), lotId: { in: lotIds } },
      include: {
        results: {
          where: { ...tenantFilter(ctx) },
          include: { characteristic: { select: { code: true, element: true, unit: true } } },
          orderBy: [{ enteredAt: 'asc' }, { id: 'asc' }],
        },
      },
      orderBy: [{ createdAt: 'asc' }, { requestNo: 'asc' }],
    }),
    tx.certificate.findMany({
      where: {
        ...tenantFilter(ctx),
        shipment: { ...tenantFilter(ctx), lines: { some: { lotId: { in: lotIds } } } },
      },
      include: { shipment: { select: { shipmentNo: true, lines: { select: { lotId: true } } } } },
      orderBy: { issuedAt: 'asc' },
    }),
  ]);
  const equipmentIds = [
    ...new Set(
      operations
        .flatMap((o) => [o.actualEquipmentId, ...o.reports.map((r) => r.equipmentId)])
        .filter((x): x is string => !!x),
    ),
  ];
  const equipment = equipmentIds.length
    ? await tx.equipment.findMany({
        where: { ...tenantFilter(ctx), id: { in: equipmentIds } },
        select: { id: true, code: true },
      })
    : [];
  const codeOf = new Map(equipment.map((e) => [e.id, e.code]));
  const wanted = new Set(lotIds);
  return {
    hits,
    genealogy,
    operations: operations.map((o) => ({
      operationId: o.id,
      operationCode: o.operationCode,
      workOrderNo: o.workOrder.workOrderNo,
      equipmentId: o.actualEquipmentId,
      equipmentCode: o.actualEquipmentId ? (codeOf.get(o.actualEquipmentId) ?? null) : null,
      actualStart: o.actualStart,
      actualEnd: o.actualEnd,
      goodT: o.goodT,
      scrapT: o.scrapT,
      reports: o.reports.map((r) => ({
        kind: r.kind,
        at: r.at,
        goodT: r.goodT,
        scrapT: r.scrapT,
        note: r.note,
        equipmentCode: r.equipmentId ? (codeOf.get(r.equipmentId) ?? null) : null,
      })),
    })),
    inspections: requests.map((q) => {
      const superseded = new Set(q.results.map((r) => r.supersedesId).filter((x): x is string => !!x));
      return {
        lotId: q.lotId,
        requestNo: q.requestNo,
        status: q.status,
        verdict: q.verdict,
        decision: q.decision,
        results: q.results
          .filter((r) => !superseded.has(r.id))
          .map((r) => ({
            code: r.characteristic.code,
            element: r.characteristic.element,
            unit: r.characteristic.unit,
            value: r.value,
            verdict: r.verdict,
          })),
      };
    }),
    certificates: certificates.map((c) => ({
      id: c.id,
      certNo: c.certNo,
      status: c.status,
      shipmentNo: c.shipment.shipmentNo,
      lotIds: c.shipment.lines.map((l) => l.lotId).filter((x): x is string => !!x && wanted.has(x)),
    })),
  };
}
