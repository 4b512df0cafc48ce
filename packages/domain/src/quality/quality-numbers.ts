import type { TenantTx } from '@ingot/db';
import { yearMonthIn } from '../lot/lot-number.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';

/**
 * The next running number `<kind>-<plant code>-<yyMM>-<nnnn>` (QI = inspection request, NC = nonconformance), drawn
 * under a transaction-level advisory lock per prefix; the unique index (tenant, number) is the last guard.
 */
export async function nextQualityNo(
  tx: TenantTx,
  ctx: TTenantContext,
  kind: 'QI' | 'NC',
  plant: { code: string; timezone: string },
  at: Date = new Date(),
): Promise<string> {
  const prefix = `${kind}-${plant.code}-${yearMonthIn(plant.timezone, at)}-`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quality_no:${ctx.tenantId}:${prefix}`}, 0))`;
  const last =
    kind === 'QI'
      ? (
          await tx.inspectionRequest.findFirst({
            where: { ...tenantFilter(ctx), requestNo: { startsWith: prefix } },
            orderBy: { requestNo: 'desc' },
            select: { requestNo: true },
          })
        )?.requestNo
      : (
          await tx.nonconformance.findFirst({
            where: { ...tenantFilter(ctx), ncNo: { startsWith: prefix } },
            orderBy: { ncNo: 'desc' },
            select: { ncNo: true },
          })
        )?.ncNo;
  const n = last ? Number(last.slice(prefix.length)) || 0 : 0;
  return `${prefix}${String(n + 1).padStart(4, '0')}`;
}
