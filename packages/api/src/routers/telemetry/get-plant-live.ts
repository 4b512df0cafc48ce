import { ZPlantLiveInput } from '@ingot/contracts';
import { tenantProcedure } from '../../trpc.ts';
import { getPlantLiveSnapshot } from './plant-live-snapshot.ts';

export const getPlantLiveProcedure = tenantProcedure
  .meta({ action: 'telemetry.read' })
  .input(ZPlantLiveInput)
  .query(({ ctx, input }) => getPlantLiveSnapshot(ctx.tx, ctx.scope, ctx.telemetry, input));
