import { ZCreateAlarmRuleInput } from '@ingot/contracts';
import { createAlarmRule } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createAlarmRuleProcedure = tenantProcedure
  .meta({ action: 'alarm.manage' })
  .input(ZCreateAlarmRuleInput)
  .mutation(({ ctx, input }) => createAlarmRule(ctx.tx, ctx.scope, input));
