import { ZMoveWorkCenterInput } from '@ingot/contracts';
import { moveWorkCenter } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const moveWorkCenterProcedure = hierarchyWriteProcedure
  .input(ZMoveWorkCenterInput)
  .mutation(({ ctx, input }) => moveWorkCenter(ctx.tx, ctx.scope, input));
