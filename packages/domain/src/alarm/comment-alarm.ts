import type { TCommentAlarmInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { appendAlarmEvent } from './append-alarm-event.ts';
import { findAlarmInScope } from './find-alarm-in-scope.ts';

/** Adds a note to an alarm's history (open or closed: a finding may come after the alarm closed). */
export async function commentAlarm(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCommentAlarmInput,
): Promise<{ id: string }> {
  const alarm = await findAlarmInScope(tx, ctx, input.id);
  await appendAlarmEvent(tx, {
    tenantId: ctx.tenantId,
    alarmId: alarm.id,
    kind: 'comment',
    at: new Date(),
    userId: ctx.userId,
    text: input.text,
  });
  await recordAuditEvent(tx, ctx, {
    action: 'alarm.comment',
    targetType: 'alarm',
    targetId: alarm.id,
    details: { text: input.text },
  });
  return { id: alarm.id };
}
