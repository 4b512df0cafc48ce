import { ZCommentAlarmInput } from '@ingot/contracts';
import { commentAlarm } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const commentAlarmProcedure = tenantProcedure
  .meta({ action: 'alarm.ack' })
  .input(ZCommentAlarmInput)
  .mutation(({ ctx, input }) => commentAlarm(ctx.tx, ctx.scope, input));
