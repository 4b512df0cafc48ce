import { ZUpdateWorkCenterInput } from '@ingot/contracts';
import { updateWorkCenter } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const updateWorkCenterProcedure = hierarchyWriteProcedure
  .input(ZUpdateWorkCenterInput)
  .mutation(({ ctx, input }) => updateWorkCenter(ctx.tx, ctx.scope, input));
