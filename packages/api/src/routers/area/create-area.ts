import { ZCreateAreaInput } from '@ingot/contracts';
import { createArea } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createAreaProcedure = tenantProcedure
  .meta({ action: 'area.create' })
  .input(ZCreateAreaInput)
  .mutation(({ ctx, input }) => createArea(ctx.tx, ctx.scope, input));
