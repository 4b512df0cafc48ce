import type { TSetAlarmRuleEnabledInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { type TAlarmRuleDto, toAlarmRuleDto } from './alarm-rule-dto.ts';
import { clearAlarm } from './clear-alarm.ts';
import { findAlarmRuleInScope } from './find-alarm-rule-in-scope.ts';
import { ruleOpenKey } from './rule-open-key.ts';

/** Enables or disables a rule; disabling clears its open alarm (nothing watches that condition any more). */
export async function setAlarmRuleEnabled(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TSetAlarmRuleEnabledInput,
): Promise<TAlarmRuleDto> {
  const rule = await findAlarmRuleInScope(tx, ctx, input.id);
  const row = await tx.alarmRule.update({ where: { id: rule.id }, data: { enabled: input.enabled } });
  if (!input.enabled)
    await clearAlarm(tx, { tenantId: ctx.tenantId, openKey: ruleOpenKey(row.id), at: new Date() });
  await recordAuditEvent(tx, ctx, {
    action: 'alarm.rule.setEnabled',
    targetType: 'alarm_rule',
    targetId: row.id,
    details: { enabled: input.enabled, name: row.name },
  });
  return toAlarmRuleDto(row);
}
