import type { TCreateAlarmRuleInput } from '@ingot/contracts';
import type { TenantTx } from '@ingot/db';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { findPlantInScope } from '../plant/find-plant-in-scope.ts';
import type { TTenantContext } from '../tenancy/tenant-context.ts';
import { alarmRuleAuditDetails, alarmRuleData } from './alarm-rule-data.ts';
import { type TAlarmRuleDto, toAlarmRuleDto } from './alarm-rule-dto.ts';

/** Creates an alarm rule in a plant of the caller's scope; ingest picks it up within seconds. */
export async function createAlarmRule(
  tx: TenantTx,
  ctx: TTenantContext,
  input: TCreateAlarmRuleInput,
): Promise<TAlarmRuleDto> {
  const plant = await findPlantInScope(tx, ctx, input.plantId, 'plantId');
  const data = alarmRuleData(input);
  const row = await tx.alarmRule.create({ data: { tenantId: ctx.tenantId, plantId: plant.id, ...data } });
  await recordAuditEvent(tx, ctx, {
    action: 'alarm.rule.create',
    targetType: 'alarm_rule',
    targetId: row.id,
    details: { plantId: plant.id, ...alarmRuleAuditDetails(data) },
  });
  return toAlarmRuleDto(row);
}
