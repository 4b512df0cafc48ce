import { ZUpdateAreaInput } from '@ingot/contracts';
import { updateArea } from '@ingot/domain';
import { hierarchyWriteProcedure } from '../../trpc.ts';

export const updateAreaProcedure = hierarchyWriteProcedure
  .input(ZUpdateAreaInput)
  .mutation(({ ctx, input }) => updateArea(ctx.tx, ctx.scope, input));
