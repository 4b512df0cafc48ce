import { ZCreatePlantInput } from '@ingot/contracts';
import { createPlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createPlantProcedure = tenantProcedure
  .meta({ action: 'plant.create' })
  .input(ZCreatePlantInput)
  .mutation(({ ctx, input }) => createPlant(ctx.tx, ctx.scope, input));
