import type { TenantTx } from '@ingot/db';
import { raiseAlarm, type TRaiseAlarmResult } from '../alarm/raise-alarm.ts';
import type { TSpcRule } from './spc-types.ts';

/** The one open alarm per chart and rule. */
export const spcOpenKey = (chartId: string, rule: TSpcRule) => `spc:${chartId}:${rule}`;

/** A point beyond the limits is the strongest signal; run patterns are warnings of a drift. */
export const spcRuleSeverity = (rule: TSpcRule) => (rule === 'WE1' || rule === 'N1' ? 'high' : 'medium');

export function raiseSpcAlarm(
  tx: TenantTx,
  input: {
    tenantId: string;
    plantId: string;
    chartId: string;
    rule: TSpcRule;
    message: string;
    value: number;
    at: Date;
  },
): Promise<TRaiseAlarmResult> {
  return raiseAlarm(tx, {
    tenantId: input.tenantId,
    plantId: input.plantId,
    source: 'spc',
    openKey: spcOpenKey(input.chartId, input.rule),
    severity: spcRuleSeverity(input.rule),
    message: input.message,
    value: input.value,
    at: input.at,
  });
}
