import type { TLotKind } from '@ingot/contracts';
import { Prisma, type TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantCondition } from './scope-sql.ts';

/** Two letters per lot kind in generated lot numbers (CL = coil, SB = slab, ...). */
export const LOT_KIND_CODES: Readonly<Record<TLotKind, string>> = {
  ingot: 'IG',
  billet: 'BL',
  slab: 'SB',
  coil: 'CL',
  sheet_pack: 'SP',
  foil_roll: 'FR',
  profile_bundle: 'PB',
  rod_coil: 'RC',
  tube_bundle: 'TB',
  other: 'OT',
};

/** `yyMM` of `at` in the plant's time zone (a lot made at 00:30 on the 1st in Shanghai belongs to the new month). */
export function yearMonthIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: '2-digit',
    month: '2-digit',
  }).formatToParts(at);
  const year = parts.find((p) => p.type === 'year')?.value ?? '00';
  const month = parts.find((p) => p.type === 'month')?.value ?? '00';
  return `${year}${month}`;
}

/** The prefix of generated lot numbers: `<plant code>-<kind code><yyMM>-`, e.g. `RP-CL2611-`. */
export function lotNoPrefix(plant: { code: string; timezone: string }, kind: TLotKind, at: Date): string {
  return `${plant.code}-${LOT_KIND_CODES[kind]}${yearMonthIn(plant.timezone, at)}-`;
}

/**
 * The next free generated lot number for a plant, kind and month: `RP-CL2611-0001`, `-0002`, ... (a running
 * number per plant, kind and month; four digits, more when a month passes 9999 lots). Generation is serialised
 * per prefix by a transaction-level advisory lock, so two operators finishing at the same moment never draw the
 * same number; the unique index (tenant, lot_no) stays the final guard (a hand-typed number may collide).
 */
export async function nextLotNo(
  tx: TenantTx,
  ctx: TTenantContext,
  plant: { code: string; timezone: string },
  kind: TLotKind,
  at: Date = new Date(),
): Promise<string> {
  const prefix = lotNoPrefix(plant, kind, at);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lot_no:${ctx.tenantId}:${prefix}`}, 0))`;
  const start = prefix.length + 1;
  const rows = await tx.$queryRaw<Array<{ n: number | null }>>(Prisma.sql`
    SELECT MAX(substring(l.lot_no FROM ${start}::int)::bigint)::int AS n
      FROM material_lot l
     WHERE left(l.lot_no, ${prefix.length}::int) = ${prefix}
       AND substring(l.lot_no FROM ${start}::int) ~ '^[0-9]{1,9}$'
       ${tenantCondition(ctx, 'l')}`);
  const next = (rows[0]?.n ?? 0) + 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}

/**
 * Several consecutive lot numbers at once (a finish that produces slit coils): the lock is held for the whole
 * transaction, so the numbers stay free until it commits.
 */
export async function nextLotNos(
  tx: TenantTx,
  ctx: TTenantContext,
  plant: { code: string; timezone: string },
  kind: TLotKind,
  count: number,
  at: Date = new Date(),
): Promise<string[]> {
  if (count === 0) return [];
  const first = await nextLotNo(tx, ctx, plant, kind, at);
  const prefix = lotNoPrefix(plant, kind, at);
  const n = Number(first.slice(prefix.length));
  return Array.from({ length: count }, (_, i) => `${prefix}${String(n + i).padStart(4, '0')}`);
}
