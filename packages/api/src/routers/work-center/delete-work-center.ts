import { ZByIdInput } from '@ingot/contracts';
import { deleteWorkCenter } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const deleteWorkCenterProcedure = hierarchyWriteProcedure
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deleteWorkCenter(ctx.tx, ctx.scope, input));
