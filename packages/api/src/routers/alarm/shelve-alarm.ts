import { ZShelveAlarmInput } from '@ingot/contracts';
import { shelveAlarm } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const shelveAlarmProcedure = tenantProcedure
  .meta({ action: 'alarm.ack' })
  .input(ZShelveAlarmInput)
  .mutation(({ ctx, input }) => shelveAlarm(ctx.tx, ctx.scope, input));
