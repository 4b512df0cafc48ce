import { ZUpdateAlarmRuleInput } from '@ingot/contracts';
import { updateAlarmRule } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateAlarmRuleProcedure = tenantProcedure
  .meta({ action: 'alarm.manage' })
  .input(ZUpdateAlarmRuleInput)
  .mutation(({ ctx, input }) => updateAlarmRule(ctx.tx, ctx.scope, input));
