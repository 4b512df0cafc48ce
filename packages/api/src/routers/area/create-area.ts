import { ZCreateAreaInput } from '@ingot/contracts';
import { createArea } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const createAreaProcedure = hierarchyWriteProcedure
  .input(ZCreateAreaInput)
  .mutation(({ ctx, input }) => createArea(ctx.tx, ctx.scope, input));
