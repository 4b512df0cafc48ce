import { ZUpdatePlantInput } from '@ingot/contracts';
import { updatePlant } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const updatePlantProcedure = hierarchyWriteProcedure
  .input(ZUpdatePlantInput)
  .mutation(({ ctx, input }) => updatePlant(ctx.tx, ctx.scope, input));
