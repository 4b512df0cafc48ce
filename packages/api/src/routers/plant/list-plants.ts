import { listPlants } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listPlantsProcedure = tenantProcedure
  .meta({ action: 'plant.read' })
  .query(({ ctx }) => listPlants(ctx.tx, ctx.scope));
