import { ZMoveWorkCenterInput } from '@ingot/contracts';
import { moveWorkCenter } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const moveWorkCenterProcedure = tenantProcedure
  .meta({ action: 'workCenter.move' })
  .input(ZMoveWorkCenterInput)
  .mutation(({ ctx, input }) => moveWorkCenter(ctx.tx, ctx.scope, input));
