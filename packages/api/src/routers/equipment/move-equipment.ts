import { ZMoveEquipmentInput } from '@ingot/contracts';
import { moveEquipment } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const moveEquipmentProcedure = hierarchyWriteProcedure
  .input(ZMoveEquipmentInput)
  .mutation(({ ctx, input }) => moveEquipment(ctx.tx, ctx.scope, input));
