import { ZCreateEquipmentInput } from '@ingot/contracts';
import { createEquipment } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const createEquipmentProcedure = hierarchyWriteProcedure
  .input(ZCreateEquipmentInput)
  .mutation(({ ctx, input }) => createEquipment(ctx.tx, ctx.scope, input));
