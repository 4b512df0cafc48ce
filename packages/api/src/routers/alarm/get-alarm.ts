import { ZGetAlarmInput } from '@ingot/contracts';
import { getAlarm } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getAlarmProcedure = tenantProcedure
  .meta({ action: 'alarm.read' })
  .input(ZGetAlarmInput)
  .query(({ ctx, input }) => getAlarm(ctx.tx, ctx.scope, input));
