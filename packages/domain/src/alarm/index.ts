/** Alarm rules and the ISA-18.2 alarm lifecycle (issue 4); see README.md beside this file. */
export { acknowledgeAlarm } from './acknowledge-alarm.ts';
export { type TAlarmDto, toAlarmDto } from './alarm-dto.ts';
export { ALARM_EVENT_KINDS, type TAlarmEventKind } from './alarm-event-kind.ts';
export { type TAlarmRuleDto, toAlarmRuleDto } from './alarm-rule-dto.ts';
export { clearAlarm, type TClearAlarmInput, type TClearAlarmResult } from './clear-alarm.ts';
export { commentAlarm } from './comment-alarm.ts';
export { createAlarmRule } from './create-alarm-rule.ts';
export { getAlarm, type TAlarmDetailDto, type TAlarmEventDto } from './get-alarm.ts';
export { listAlarmRules } from './list-alarm-rules.ts';
export { listAlarms, type TAlarmPage } from './list-alarms.ts';
export { listPlantsWithStaleRules } from './list-plants-with-stale-rules.ts';
export { listRulesForEvaluation } from './list-rules-for-evaluation.ts';
export {
  raiseAlarm,
  type TAlarmSeverity,
  type TAlarmSource,
  type TRaiseAlarmInput,
  type TRaiseAlarmResult,
} from './raise-alarm.ts';
export { connectorOpenKey, ruleOpenKey } from './rule-open-key.ts';
export { setAlarmRuleEnabled } from './set-alarm-rule-enabled.ts';
export { shelveAlarm, unshelveAlarm } from './shelve-alarm.ts';
export { updateAlarmRule } from './update-alarm-rule.ts';
