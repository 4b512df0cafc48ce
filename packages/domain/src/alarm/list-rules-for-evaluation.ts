import type { TenantTx } from '@ingot/db';
import { type TAlarmRuleDto, toAlarmRuleDto } from './alarm-rule-dto.ts';

/**
 * For ingest (no person): the enabled rules of one plant of a tenant, and which of their alarms are open and
 * active (so a restarted or second replica knows what is already raised). The tenant comes from the broker
 * identity of the connector whose data is evaluated.
 */
export async function listRulesForEvaluation(
  tx: TenantTx,
  input: { tenantId: string; plantId: string },
): Promise<{ rules: TAlarmRuleDto[]; activeOpenKeys: string[] }> {
  const rules = await tx.alarmRule.findMany({
    where: { tenantId: input.tenantId, plantId: input.plantId, enabled: true },
    orderBy: { id: 'asc' },
  });
  const open = await tx.alarm.findMany({
    where: {
      tenantId: input.tenantId,
      plantId: input.plantId,
      source: 'rule',
      state: { in: ['active_unacked', 'active_acked'] },
    },
    select: { openKey: true },
  });
  return {
    rules: rules.map(toAlarmRuleDto),
    activeOpenKeys: open.map((o) => o.openKey).filter((k): k is string => k !== null),
  };
}
