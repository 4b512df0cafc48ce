import { ZSetAlarmRuleEnabledInput } from '@ingot/contracts';
import { setAlarmRuleEnabled } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const setAlarmRuleEnabledProcedure = tenantProcedure
  .meta({ action: 'alarm.manage' })
  .input(ZSetAlarmRuleEnabledInput)
  .mutation(({ ctx, input }) => setAlarmRuleEnabled(ctx.tx, ctx.scope, input));
