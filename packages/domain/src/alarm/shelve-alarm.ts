import type { TShelveAlarmInput, TUnshelveAlarmInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TAlarmDto, toAlarmDto } from './alarm-dto.ts';
import { appendAlarmEvent } from './append-alarm-event.ts';
import { findAlarmInScope } from './find-alarm-in-scope.ts';

/**
 * Shelves an open alarm for a while (ISA-18.2 shelving: e.g. a sensor known to be faulty until maintenance): it
 * stays open and keeps its state, but leaves the active list until `minutes` have passed. The reason is kept.
 */
export async function shelveAlarm(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TShelveAlarmInput,
): Promise<TAlarmDto> {
  const alarm = await findAlarmInScope(tx, ctx, input.id);
  if (alarm.state === 'closed') {
    throw new DomainError('CONFLICT', 'a closed alarm cannot be shelved', 'id', {
      reason: 'invalid_transition',
    });
  }
  const at = new Date();
  const until = new Date(at.getTime() + input.minutes * 60_000);
  const row = await tx.alarm.update({ where: { id: alarm.id }, data: { shelvedUntil: until } });
  await appendAlarmEvent(tx, {
    tenantId: ctx.tenantId,
    alarmId: alarm.id,
    kind: 'shelved',
    at,
    userId: ctx.userId,
    text: input.reason,
  });
  await recordAuditEvent(tx, ctx, {
    action: 'alarm.shelve',
    targetType: 'alarm',
    targetId: alarm.id,
    details: { until: until.toISOString(), reason: input.reason },
  });
  return toAlarmDto(row, at);
}

/** Puts a shelved alarm back on the active list now. */
export async function unshelveAlarm(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUnshelveAlarmInput,
): Promise<TAlarmDto> {
  const alarm = await findAlarmInScope(tx, ctx, input.id);
  const at = new Date();
  if (alarm.state === 'closed' || !alarm.shelvedUntil || alarm.shelvedUntil <= at) {
    throw new DomainError('CONFLICT', 'the alarm is not shelved', 'id', { reason: 'invalid_transition' });
  }
  const row = await tx.alarm.update({ where: { id: alarm.id }, data: { shelvedUntil: null } });
  await appendAlarmEvent(tx, {
    tenantId: ctx.tenantId,
    alarmId: alarm.id,
    kind: 'unshelved',
    at,
    userId: ctx.userId,
  });
  await recordAuditEvent(tx, ctx, { action: 'alarm.unshelve', targetType: 'alarm', targetId: alarm.id });
  return toAlarmDto(row, at);
}
