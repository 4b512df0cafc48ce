/** Alarm rules and the ISA-18.2 alarm lifecycle (issue 4); see README.md beside this file. */
export { ALARM_EVENT_KINDS, type TAlarmEventKind } from './alarm-event-kind.ts';
export { clearAlarm, type TClearAlarmInput, type TClearAlarmResult } from './clear-alarm.ts';
export {
  raiseAlarm,
  type TAlarmSeverity,
  type TAlarmSource,
  type TRaiseAlarmInput,
  type TRaiseAlarmResult,
} from './raise-alarm.ts';
