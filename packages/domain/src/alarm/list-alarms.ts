import type { TListAlarmsInput } from '@ingot/contracts';
import { ZListAlarmsInput } from '@ingot/contracts';
import type { Prisma, TenantTx } from '@ingot/db';
import { plantScopeOnChild } from '../tenancy/plant-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { tenantFilter } from '../tenancy/tenant-filter.ts';
import { type TAlarmDto, toAlarmDto } from './alarm-dto.ts';

export interface TAlarmPage {
  items: TAlarmDto[];
  total: number;
  /** The cursor of the next page; null on the last one. */
  nextCursor: number | null;
}

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/**
 * One page of alarms of the plants the member may see. `active`: open and not shelved (most severe first, then
 * newest); `shelved`: open and shelved until later; `history`: closed (newest first). Filters by plant,
 * severity, equipment and raise time.
 */
export async function listAlarms(
  tx: TenantTx,
  ctx: TTenantContext,
  raw: TListAlarmsInput,
): Promise<TAlarmPage> {
  const input = ZListAlarmsInput.parse(raw);
  const now = new Date();
  const view: Prisma.AlarmWhereInput =
    input.view === 'history'
      ? { state: 'closed' }
      : input.view === 'shelved'
        ? { state: { not: 'closed' }, shelvedUntil: { gt: now } }
        : { state: { not: 'closed' }, OR: [{ shelvedUntil: null }, { shelvedUntil: { lte: now } }] };
  const where: Prisma.AlarmWhereInput = {
    ...tenantFilter(ctx),
    ...(input.plantId ? { plantId: input.plantId } : {}),
    ...(input.severity?.length ? { severity: { in: input.severity } } : {}),
    ...(input.equipment ? { equipment: input.equipment } : {}),
    ...(input.from || input.to
      ? { raisedAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
    AND: [plantScopeOnChild(ctx), view],
  };
  const [rows, total] = await Promise.all([
    tx.alarm.findMany({
      where,
      // Severity is an enum declared most severe first, so ascending order puts critical on top.
      orderBy:
        input.view === 'history'
          ? [{ closedAt: 'desc' }, { id: 'desc' }]
          : [{ severity: 'asc' }, { raisedAt: 'desc' }, { id: 'desc' }],
      skip: input.cursor,
      take: input.limit,
    }),
    tx.alarm.count({ where }),
  ]);
  const items = rows.map((r) => toAlarmDto(r, now));
  if (input.view !== 'history') {
    items.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  }
  const next = input.cursor + rows.length;
  return { items, total, nextCursor: next < total ? next : null };
}
