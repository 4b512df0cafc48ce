import { ZListAlarmRulesInput } from '@ingot/contracts';
import { listAlarmRules } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listAlarmRulesProcedure = tenantProcedure
  .meta({ action: 'alarm.read' })
  .input(ZListAlarmRulesInput)
  .query(({ ctx, input }) => listAlarmRules(ctx.tx, ctx.scope, input));
