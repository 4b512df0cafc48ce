import { ZUnshelveAlarmInput } from '@ingot/contracts';
import { unshelveAlarm } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const unshelveAlarmProcedure = tenantProcedure
  .meta({ action: 'alarm.ack' })
  .input(ZUnshelveAlarmInput)
  .mutation(({ ctx, input }) => unshelveAlarm(ctx.tx, ctx.scope, input));
