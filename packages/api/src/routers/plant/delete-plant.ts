import { ZByIdInput } from '@ingot/contracts';
import { deletePlant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const deletePlantProcedure = tenantProcedure
  .meta({ action: 'plant.delete' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deletePlant(ctx.tx, ctx.scope, input));
