import { ZByIdInput } from '@ingot/contracts';
import { deleteEquipment } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const deleteEquipmentProcedure = hierarchyWriteProcedure
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deleteEquipment(ctx.tx, ctx.scope, input));
