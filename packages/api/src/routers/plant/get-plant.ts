import { ZByIdInput } from '@ingot/contracts';
import { getPlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getPlantProcedure = tenantProcedure
  .meta({ action: 'plant.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getPlant(ctx.tx, ctx.scope, input));
