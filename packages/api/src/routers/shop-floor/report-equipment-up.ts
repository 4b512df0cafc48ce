import { ZEquipmentUpInput } from '@ingot/contracts';
import { reportEquipmentUp } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const reportEquipmentUpProcedure = tenantProcedure
  .meta({ action: 'equipment.downtime' })
  .input(ZEquipmentUpInput)
  .mutation(({ ctx, input }) => reportEquipmentUp(ctx.tx, ctx.scope, input));
