import type { TGetAlarmInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TAlarmDto, toAlarmDto } from './alarm-dto.ts';
import { findAlarmInScope } from './find-alarm-in-scope.ts';

export interface TAlarmEventDto {
  id: string;
  kind: string;
  at: Date;
  userId: string | null;
  /** The person's display name, when a member of this tenant acted. */
  userName: string | null;
  text: string;
  value: number | null;
}

export interface TAlarmDetailDto extends TAlarmDto {
  /** The rule's name when a rule raised it. */
  ruleName: string | null;
  events: TAlarmEventDto[];
}

/** One alarm with its whole history, oldest event first. */
export async function getAlarm(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TGetAlarmInput,
): Promise<TAlarmDetailDto> {
  const alarm = await findAlarmInScope(tx, ctx, input.id);
  const [events, rule] = await Promise.all([
    tx.alarmEvent.findMany({
      where: { tenantId: ctx.tenantId, alarmId: alarm.id },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: 500,
    }),
    alarm.ruleId
      ? tx.alarmRule.findFirst({
          where: { tenantId: ctx.tenantId, id: alarm.ruleId },
          select: { name: true },
        })
      : Promise.resolve(null),
  ]);
  const userIds = [...new Set(events.map((e) => e.userId).filter((u): u is string => u !== null))];
  const members = userIds.length
    ? await tx.membership.findMany({
        where: { tenantId: ctx.tenantId, userId: { in: userIds } },
        select: { userId: true, user: { select: { displayName: true, email: true } } },
      })
    : [];
  const names = new Map(members.map((m) => [m.userId, m.user.displayName || m.user.email]));
  return {
    ...toAlarmDto(alarm),
    ruleName: rule?.name ?? null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      userId: e.userId,
      userName: e.userId ? (names.get(e.userId) ?? null) : null,
      text: e.text,
      value: e.value,
    })),
  };
}
