import { ZAckAlarmInput } from '@ingot/contracts';
import { acknowledgeAlarm } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const acknowledgeAlarmProcedure = tenantProcedure
  .meta({ action: 'alarm.ack' })
  .input(ZAckAlarmInput)
  .mutation(({ ctx, input }) => acknowledgeAlarm(ctx.tx, ctx.scope, input));
