import { ZCreatePlantInput } from '@ingot/contracts';
import { createPlant } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const createPlantProcedure = hierarchyWriteProcedure
  .input(ZCreatePlantInput)
  .mutation(({ ctx, input }) => createPlant(ctx.tx, ctx.scope, input));
