import {
  AGEING_BUCKETS,
  DEFAULT_SHIFTS,
  type TAgeingBucket,
  type TKpiPeriod,
  type TQualityKpisParsed,
} from '@ingot/contracts';
import { Prisma, type TenantTx } from '@ingot/db';
import { plantCondition, tenantCondition } from '../lot/scope-sql.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { pareto, type TParetoItem } from './pareto.ts';
import { shiftOfMinute } from './shift-of-minute.ts';

export interface TFpyRow {
  plantId: string;
  /** Local start day of the period in the plant's time zone, YYYY-MM-DD (weeks start on Monday). */
  period: string;
  /** Product family of the lot's order (or of the inspection plan); `unknown` without either. */
  productFamily: string;
  evaluated: number;
  firstPass: number;
  fpy: number;
}

export interface TFpyTotal {
  evaluated: number;
  firstPass: number;
  /** Null when nothing was evaluated. */
  fpy: number | null;
}

export interface TAgeingRow {
  status: 'open' | 'dispositioned';
  bucket: TAgeingBucket;
  count: number;
}

export interface TQualityKpis {
  from: Date;
  to: Date;
  period: TKpiPeriod;
  asOf: Date;
  fpy: { rows: TFpyRow[]; byPeriod: (TFpyTotal & { period: string })[]; total: TFpyTotal };
  pareto: { byType: TParetoItem[]; byEquipment: TParetoItem[]; byShift: TParetoItem[]; total: number };
  ageing: { rows: TAgeingRow[]; total: number };
}

const DAY_MS = 86_400_000;

/** The product family of a lot: its work order's order line's spec, else the inspection plan's (alias `ip`). */
const FAMILY_JOINS = (lot: string) => Prisma.sql`
  LEFT JOIN work_order wo ON wo.tenant_id = ${Prisma.raw(lot)}.tenant_id AND wo.id = ${Prisma.raw(lot)}.work_order_id
  LEFT JOIN sales_order_line ol ON ol.tenant_id = wo.tenant_id AND ol.id = wo.order_line_id
  LEFT JOIN product_spec ps ON ps.tenant_id = ol.tenant_id AND ps.id = ol.spec_id`;

function scopeConditions(ctx: TTenantContext, alias: string, plantId: string | undefined): Prisma.Sql {
  return Prisma.sql`${tenantCondition(ctx, alias)} ${plantCondition(ctx, alias)} ${
    plantId ? Prisma.sql`AND ${Prisma.raw(alias)}.plant_id = ${plantId}::uuid` : Prisma.empty
  }`;
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * First-pass yield: of the inspection requests raised in [from, to) and evaluated (a verdict, not cancelled),
 * the share whose first evaluation passed — no original result (one that supersedes nothing) failed, so a
 * request that passed only after a retest does not count. Per plant, local period of the request and product
 * family.
 */
async function firstPassYield(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TQualityKpisParsed,
): Promise<TQualityKpis['fpy']> {
  const family = Prisma.sql`COALESCE(ps.product_family::text, ip.product_family::text, 'unknown')`;
  const rows = await tx.$queryRaw<
    { plant_id: string; period: string; family: string; evaluated: number; first_pass: number }[]
  >(Prisma.sql`
    SELECT r.plant_id::text AS plant_id,
           to_char(date_trunc(${input.period}, r.created_at AT TIME ZONE p.timezone), 'YYYY-MM-DD') AS period,
           ${family} AS family,
           count(*)::int AS evaluated,
           (count(*) FILTER (WHERE NOT EXISTS (
              SELECT 1 FROM inspection_result x
              WHERE x.tenant_id = r.tenant_id AND x.request_id = r.id
                AND x.supersedes_id IS NULL AND x.verdict = 'fail')))::int AS first_pass
    FROM inspection_request r
    JOIN plant p ON p.tenant_id = r.tenant_id AND p.id = r.plant_id
    JOIN inspection_plan ip ON ip.tenant_id = r.tenant_id AND ip.id = r.plan_id
    JOIN material_lot l ON l.tenant_id = r.tenant_id AND l.id = r.lot_id
    ${FAMILY_JOINS('l')}
    WHERE r.verdict IS NOT NULL AND r.status <> 'cancelled'
      AND r.created_at >= ${input.from} AND r.created_at < ${input.to}
      ${scopeConditions(ctx, 'r', input.plantId)}
      ${input.productFamily ? Prisma.sql`AND ${family} = ${input.productFamily}` : Prisma.empty}
    GROUP BY 1, 2, 3
    ORDER BY 2, 1, 3`);
  const out: TFpyRow[] = rows.map((r) => ({
    plantId: r.plant_id,
    period: r.period,
    productFamily: r.family,
    evaluated: Number(r.evaluated),
    firstPass: Number(r.first_pass),
    fpy: Number(r.first_pass) / Number(r.evaluated),
  }));
  const periods = new Map<string, { evaluated: number; firstPass: number }>();
  for (const r of out) {
    const p = periods.get(r.period) ?? { evaluated: 0, firstPass: 0 };
    p.evaluated += r.evaluated;
    p.firstPass += r.firstPass;
    periods.set(r.period, p);
  }
  const evaluated = out.reduce((a, r) => a + r.evaluated, 0);
  const firstPass = out.reduce((a, r) => a + r.firstPass, 0);
  return {
    rows: out,
    byPeriod: [...periods]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([period, p]) => ({ period, ...p, fpy: ratio(p.firstPass, p.evaluated) })),
    total: { evaluated, firstPass, fpy: ratio(firstPass, evaluated) },
  };
}

/**
 * Nonconformances raised in [from, to) by defect code, by the machine of the operation that made the material
 * (the request's operation, else the lot's) and by the shift in which that operation ended (the plant's local
 * time; the nonconformance's own time when the operation has no recorded end).
 */
async function defectPareto(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TQualityKpisParsed,
): Promise<TQualityKpis['pareto']> {
  const family = Prisma.sql`COALESCE(ps.product_family::text, 'unknown')`;
  const rows = await tx.$queryRaw<{ code: string; equipment: string | null; minute: number }[]>(Prisma.sql`
    SELECT n.defect_code AS code, e.code AS equipment,
           (EXTRACT(HOUR FROM COALESCE(o.actual_end, n.created_at) AT TIME ZONE p.timezone) * 60
            + EXTRACT(MINUTE FROM COALESCE(o.actual_end, n.created_at) AT TIME ZONE p.timezone))::int AS minute
    FROM nonconformance n
    JOIN plant p ON p.tenant_id = n.tenant_id AND p.id = n.plant_id
    JOIN material_lot l ON l.tenant_id = n.tenant_id AND l.id = n.lot_id
    LEFT JOIN inspection_request r ON r.tenant_id = n.tenant_id AND r.id = n.request_id
    LEFT JOIN work_order_operation o ON o.tenant_id = n.tenant_id AND o.id = COALESCE(r.operation_id, l.operation_id)
    LEFT JOIN equipment e ON e.tenant_id = o.tenant_id AND e.id = o.actual_equipment_id
    ${FAMILY_JOINS('l')}
    WHERE n.created_at >= ${input.from} AND n.created_at < ${input.to}
      ${scopeConditions(ctx, 'n', input.plantId)}
      ${input.productFamily ? Prisma.sql`AND ${family} = ${input.productFamily}` : Prisma.empty}`);
  const shifts = input.shifts ?? DEFAULT_SHIFTS;
  const byType = new Map<string | null, number>();
  const byEquipment = new Map<string | null, number>();
  const byShift = new Map<string | null, number>();
  const add = (m: Map<string | null, number>, k: string | null) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of rows) {
    add(byType, r.code);
    add(byEquipment, r.equipment);
    add(byShift, shiftOfMinute(shifts, Number(r.minute)));
  }
  return {
    byType: pareto(byType),
    byEquipment: pareto(byEquipment),
    byShift: pareto(byShift),
    total: rows.length,
  };
}

/**
 * Nonconformances not closed at `asOf` (raised by then), by status and age: under 7 days, 7 to 30 days, over 30.
 */
async function nonconformanceAgeing(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TQualityKpisParsed,
  asOf: Date,
): Promise<TQualityKpis['ageing']> {
  const family = Prisma.sql`COALESCE(ps.product_family::text, 'unknown')`;
  const rows = await tx.$queryRaw<{ status: 'open' | 'dispositioned'; bucket: TAgeingBucket; n: number }[]>(
    Prisma.sql`
    SELECT n.status::text AS status,
           CASE WHEN n.created_at > ${new Date(asOf.getTime() - 7 * DAY_MS)} THEN 'lt7d'
                WHEN n.created_at >= ${new Date(asOf.getTime() - 30 * DAY_MS)} THEN '7to30d'
                ELSE 'gt30d' END AS bucket,
           count(*)::int AS n
    FROM nonconformance n
    JOIN material_lot l ON l.tenant_id = n.tenant_id AND l.id = n.lot_id
    ${FAMILY_JOINS('l')}
    WHERE n.status <> 'closed' AND n.created_at <= ${asOf}
      ${scopeConditions(ctx, 'n', input.plantId)}
      ${input.productFamily ? Prisma.sql`AND ${family} = ${input.productFamily}` : Prisma.empty}
    GROUP BY 1, 2`,
  );
  const found = new Map(rows.map((r) => [`${r.status}|${r.bucket}`, Number(r.n)]));
  const out: TAgeingRow[] = [];
  for (const status of ['open', 'dispositioned'] as const) {
    for (const bucket of AGEING_BUCKETS)
      out.push({ status, bucket, count: found.get(`${status}|${bucket}`) ?? 0 });
  }
  return { rows: out, total: out.reduce((a, r) => a + r.count, 0) };
}

/** First-pass yield, defect Pareto (type, equipment, shift) and nonconformance ageing of the member's plants. */
export async function getQualityKpis(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TQualityKpisParsed,
): Promise<TQualityKpis> {
  if (input.plantId) await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const asOf = input.asOf ?? new Date();
  return {
    from: input.from,
    to: input.to,
    period: input.period,
    asOf,
    fpy: await firstPassYield(tx, ctx, input),
    pareto: await defectPareto(tx, ctx, input),
    ageing: await nonconformanceAgeing(tx, ctx, input, asOf),
  };
}
