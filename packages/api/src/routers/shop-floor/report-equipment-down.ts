import { ZEquipmentDownInput } from '@ingot/contracts';
import { reportEquipmentDown } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const reportEquipmentDownProcedure = tenantProcedure
  .meta({ action: 'equipment.downtime' })
  .input(ZEquipmentDownInput)
  .mutation(({ ctx, input }) => reportEquipmentDown(ctx.tx, ctx.scope, input));
