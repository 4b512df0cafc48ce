import type { TenantTx } from '@ingot/db';
import type { TChartData } from './chart-analysis.ts';
import type { TAttributeSample, TSpcChartType } from './spc-types.ts';

/** One subgroup of a chart as built from inspection results. */
export interface TChartSubgroup {
  /** Request id (per-request subgrouping) or the id of the subgroup's first result. */
  key: string;
  /** When its last result was entered. */
  at: Date;
  /** The inspection request number(s) it comes from, for labels. */
  label: string;
  values: number[];
  /** Results judged `fail` against the request's limits (p and np charts count these). */
  fails: number;
}

const COMPLETE_STATUSES: ReadonlySet<string> = new Set(['evaluated', 'approved', 'rejected']);

export interface TChartSource {
  tenantId: string;
  plantId: string;
  characteristic: string;
  element: string;
  planId: string | null;
  subgroupSize: number;
}

/**
 * The subgroups feeding a chart, oldest first: the current (not superseded) results of characteristics with the
 * chart's code and element — of its plan only, when it names one — on inspection requests of its plant. With
 * subgroupSize 0 every request whose results are complete (evaluated, approved or rejected) is one subgroup; with n,
 * consecutive n results are (a trailing incomplete group waits for its last results and is not returned).
 */
export async function loadChartSubgroups(tx: TenantTx, source: TChartSource): Promise<TChartSubgroup[]> {
  const rows = await tx.inspectionResult.findMany({
    where: {
      tenantId: source.tenantId,
      characteristic: {
        tenantId: source.tenantId,
        code: source.characteristic,
        element: source.element,
        ...(source.planId ? { planId: source.planId } : {}),
      },
      request: { tenantId: source.tenantId, plantId: source.plantId },
    },
    select: {
      id: true,
      requestId: true,
      value: true,
      verdict: true,
      supersedesId: true,
      enteredAt: true,
      request: { select: { requestNo: true, status: true } },
    },
    orderBy: [{ enteredAt: 'asc' }, { id: 'asc' }],
  });
  const superseded = new Set(rows.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const current = rows.filter((r) => !superseded.has(r.id));
  if (source.subgroupSize === 0) {
    const byRequest = new Map<string, TChartSubgroup>();
    for (const r of current) {
      // A request is a subgroup once all its results are in (the lab marks it evaluated): a half-entered one would
      // be judged, and remembered as checked, on part of its values.
      if (!COMPLETE_STATUSES.has(r.request.status)) continue;
      let g = byRequest.get(r.requestId);
      if (!g) {
        g = { key: r.requestId, at: r.enteredAt, label: r.request.requestNo, values: [], fails: 0 };
        byRequest.set(r.requestId, g);
      }
      g.values.push(r.value);
      if (r.verdict === 'fail') g.fails++;
      if (r.enteredAt > g.at) g.at = r.enteredAt;
    }
    // Ordered by each request's first result (Map keeps insertion order).
    return [...byRequest.values()];
  }
  const groups: TChartSubgroup[] = [];
  for (let i = 0; i + source.subgroupSize <= current.length; i += source.subgroupSize) {
    const chunk = current.slice(i, i + source.subgroupSize);
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    if (!first || !last) break;
    groups.push({
      key: first.id,
      at: last.enteredAt,
      label: [...new Set(chunk.map((r) => r.request.requestNo))].join(', '),
      values: chunk.map((r) => r.value),
      fails: chunk.filter((r) => r.verdict === 'fail').length,
    });
  }
  return groups;
}

/**
 * The subgroups a chart type can plot (X̄ charts need 2+ values, at most 25 for X̄-R; I-MR one), and the
 * statistics' input. For p/np the count is the failed results out of those measured; for c the sum of the values
 * (nonconformities counted per result) per subgroup; for u that sum per result measured.
 */
export function toChartData(
  type: TSpcChartType,
  subgroups: readonly TChartSubgroup[],
): { usable: TChartSubgroup[]; data: TChartData } {
  if (type === 'xbar_r' || type === 'xbar_s' || type === 'i_mr') {
    const usable = subgroups.filter((g) =>
      type === 'i_mr'
        ? g.values.length === 1
        : g.values.length >= 2 && (type === 'xbar_s' || g.values.length <= 25),
    );
    return { usable, data: { kind: 'variables', subgroups: usable.map((g) => g.values) } };
  }
  const usable = subgroups.filter(
    (g) => g.values.length > 0 && (type === 'p' || type === 'np' || g.values.every((v) => v >= 0)),
  );
  const samples: TAttributeSample[] = usable.map((g) => {
    if (type === 'p' || type === 'np') return { count: g.fails, size: g.values.length };
    const sum = g.values.reduce((s, v) => s + v, 0);
    return { count: sum, size: type === 'c' ? 1 : g.values.length };
  });
  return { usable, data: { kind: 'attributes', samples } };
}
