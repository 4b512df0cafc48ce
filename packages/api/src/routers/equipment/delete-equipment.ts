import { ZByIdInput } from '@ingot/contracts';
import { deleteEquipment } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const deleteEquipmentProcedure = tenantProcedure
  .meta({ action: 'equipment.delete' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deleteEquipment(ctx.tx, ctx.scope, input));
