import type { TUpdateAlarmRuleInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { alarmRuleAuditDetails, alarmRuleData } from './alarm-rule-data.ts';
import { type TAlarmRuleDto, toAlarmRuleDto } from './alarm-rule-dto.ts';
import { clearAlarm } from './clear-alarm.ts';
import { findAlarmRuleInScope } from './find-alarm-rule-in-scope.ts';
import { ruleOpenKey } from './rule-open-key.ts';

/**
 * Replaces a rule's settings. When what it watches changes (kind, equipment or tag) or it is disabled, its open
 * alarm is cleared: that alarm was about a condition the rule no longer describes. Other changes (a new limit)
 * are judged by ingest on the next sample.
 */
export async function updateAlarmRule(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TUpdateAlarmRuleInput,
): Promise<TAlarmRuleDto> {
  const before = await findAlarmRuleInScope(tx, ctx, input.id);
  const data = alarmRuleData(input);
  const row = await tx.alarmRule.update({ where: { id: before.id }, data });
  const watchesElse =
    before.kind !== row.kind || before.equipment !== row.equipment || before.tag !== row.tag;
  if (watchesElse || !row.enabled) {
    await clearAlarm(tx, { tenantId: ctx.tenantId, openKey: ruleOpenKey(row.id), at: new Date() });
  }
  await recordAuditEvent(tx, ctx, {
    action: 'alarm.rule.update',
    targetType: 'alarm_rule',
    targetId: row.id,
    details: alarmRuleAuditDetails(data),
  });
  return toAlarmRuleDto(row);
}
