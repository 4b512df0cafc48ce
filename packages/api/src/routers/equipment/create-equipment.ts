import { ZCreateEquipmentInput } from '@ingot/contracts';
import { createEquipment } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createEquipmentProcedure = tenantProcedure
  .meta({ action: 'equipment.create' })
  .input(ZCreateEquipmentInput)
  .mutation(({ ctx, input }) => createEquipment(ctx.tx, ctx.scope, input));
