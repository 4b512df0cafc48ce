import { ZByIdInput } from '@ingot/contracts';
import { deleteArea } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const deleteAreaProcedure = tenantProcedure
  .meta({ action: 'area.delete' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deleteArea(ctx.tx, ctx.scope, input));
