import { ZUpdatePlantInput } from '@ingot/contracts';
import { updatePlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updatePlantProcedure = tenantProcedure
  .meta({ action: 'plant.update' })
  .input(ZUpdatePlantInput)
  .mutation(({ ctx, input }) => updatePlant(ctx.tx, ctx.scope, input));
