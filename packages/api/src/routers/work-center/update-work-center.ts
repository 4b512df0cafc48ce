import { ZUpdateWorkCenterInput } from '@ingot/contracts';
import { updateWorkCenter } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateWorkCenterProcedure = tenantProcedure
  .meta({ action: 'workCenter.update' })
  .input(ZUpdateWorkCenterInput)
  .mutation(({ ctx, input }) => updateWorkCenter(ctx.tx, ctx.scope, input));
