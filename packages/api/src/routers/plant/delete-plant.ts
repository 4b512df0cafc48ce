import { ZByIdInput } from '@ingot/contracts';
import { deletePlant } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const deletePlantProcedure = hierarchyWriteProcedure
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deletePlant(ctx.tx, ctx.scope, input));
