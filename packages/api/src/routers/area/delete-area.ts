import { ZByIdInput } from '@ingot/contracts';
import { deleteArea } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const deleteAreaProcedure = hierarchyWriteProcedure
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deleteArea(ctx.tx, ctx.scope, input));
