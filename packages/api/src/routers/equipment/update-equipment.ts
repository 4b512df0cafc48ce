import { ZUpdateEquipmentInput } from '@ingot/contracts';
import { updateEquipment } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const updateEquipmentProcedure = hierarchyWriteProcedure
  .input(ZUpdateEquipmentInput)
  .mutation(({ ctx, input }) => updateEquipment(ctx.tx, ctx.scope, input));
