import type { TAckAlarmInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TAlarmDto, toAlarmDto } from './alarm-dto.ts';
import { appendAlarmEvent } from './append-alarm-event.ts';
import { findAlarmInScope } from './find-alarm-in-scope.ts';

/**
 * An operator acknowledges (ISA-18.2): active_unacked -> active_acked; cleared_unacked -> closed (the condition
 * had already gone, so nothing is left open and its key is freed). Each transition is a conditional update on
 * the state it read, so an ingest clear racing with the acknowledgement is re-read and the right one applied.
 */
export async function acknowledgeAlarm(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TAckAlarmInput,
): Promise<TAlarmDto> {
  const at = new Date();
  for (let attempt = 0; attempt < 3; attempt++) {
    const alarm = await findAlarmInScope(tx, ctx, input.id);
    if (alarm.state === 'active_acked' || alarm.state === 'closed') {
      throw new DomainError('CONFLICT', 'the alarm is already acknowledged', 'id', {
        reason: 'invalid_transition',
      });
    }
    const closes = alarm.state === 'cleared_unacked';
    const done = await tx.alarm.updateMany({
      where: { id: alarm.id, tenantId: ctx.tenantId, state: alarm.state },
      data: closes
        ? {
            state: 'closed',
            ackedAt: at,
            ackedById: ctx.userId,
            closedAt: at,
            openKey: null,
            shelvedUntil: null,
          }
        : { state: 'active_acked', ackedAt: at, ackedById: ctx.userId },
    });
    if (done.count === 0) continue;
    const base = { tenantId: ctx.tenantId, alarmId: alarm.id, at, userId: ctx.userId };
    await appendAlarmEvent(tx, { ...base, kind: 'acknowledged', text: input.comment ?? '' });
    if (closes) await appendAlarmEvent(tx, { ...base, kind: 'closed' });
    await recordAuditEvent(tx, ctx, {
      action: 'alarm.ack',
      targetType: 'alarm',
      targetId: alarm.id,
      details: { from: alarm.state, to: closes ? 'closed' : 'active_acked', comment: input.comment ?? '' },
    });
    return toAlarmDto(await findAlarmInScope(tx, ctx, alarm.id), at);
  }
  throw new DomainError('CONFLICT', 'the alarm changed while it was being acknowledged; try again', 'id', {
    reason: 'invalid_transition',
  });
}
