import { ZCreateWorkCenterInput } from '@ingot/contracts';
import { createWorkCenter } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const createWorkCenterProcedure = hierarchyWriteProcedure
  .input(ZCreateWorkCenterInput)
  .mutation(({ ctx, input }) => createWorkCenter(ctx.tx, ctx.scope, input));
