import { ZUpdateAreaInput } from '@ingot/contracts';
import { updateArea } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateAreaProcedure = tenantProcedure
  .meta({ action: 'area.update' })
  .input(ZUpdateAreaInput)
  .mutation(({ ctx, input }) => updateArea(ctx.tx, ctx.scope, input));
