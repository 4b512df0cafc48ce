import { ZUpdateEquipmentInput } from '@ingot/contracts';
import { updateEquipment } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateEquipmentProcedure = tenantProcedure
  .meta({ action: 'equipment.update' })
  .input(ZUpdateEquipmentInput)
  .mutation(({ ctx, input }) => updateEquipment(ctx.tx, ctx.scope, input));
