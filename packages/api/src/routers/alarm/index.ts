import { router } from '../../trpc.ts';
import { acknowledgeAlarmProcedure } from './acknowledge-alarm.ts';
import { commentAlarmProcedure } from './comment-alarm.ts';
import { createAlarmRuleProcedure } from './create-alarm-rule.ts';
import { getAlarmProcedure } from './get-alarm.ts';
import { listAlarmRulesProcedure } from './list-alarm-rules.ts';
import { listAlarmsProcedure } from './list-alarms.ts';
import { setAlarmRuleEnabledProcedure } from './set-alarm-rule-enabled.ts';
import { shelveAlarmProcedure } from './shelve-alarm.ts';
import { unshelveAlarmProcedure } from './unshelve-alarm.ts';
import { updateAlarmRuleProcedure } from './update-alarm-rule.ts';

/** `alarm.*`: rules (alarm.manage to change, alarm.read to see) and the alarm list with the operator's actions (alarm.ack). */
export const alarmRouter = router({
  rule: router({
    list: listAlarmRulesProcedure,
    create: createAlarmRuleProcedure,
    update: updateAlarmRuleProcedure,
    setEnabled: setAlarmRuleEnabledProcedure,
  }),
  list: listAlarmsProcedure,
  get: getAlarmProcedure,
  ack: acknowledgeAlarmProcedure,
  shelve: shelveAlarmProcedure,
  unshelve: unshelveAlarmProcedure,
  comment: commentAlarmProcedure,
});
