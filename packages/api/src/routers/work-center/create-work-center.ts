import { ZCreateWorkCenterInput } from '@ingot/contracts';
import { createWorkCenter } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createWorkCenterProcedure = tenantProcedure
  .meta({ action: 'workCenter.create' })
  .input(ZCreateWorkCenterInput)
  .mutation(({ ctx, input }) => createWorkCenter(ctx.tx, ctx.scope, input));
