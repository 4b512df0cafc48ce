import { ZListAlarmsInput } from '@ingot/contracts';
import { listAlarms } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listAlarmsProcedure = tenantProcedure
  .meta({ action: 'alarm.read' })
  .input(ZListAlarmsInput)
  .query(({ ctx, input }) => listAlarms(ctx.tx, ctx.scope, input));
