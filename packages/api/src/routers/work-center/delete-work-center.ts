import { ZByIdInput } from '@ingot/contracts';
import { deleteWorkCenter } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const deleteWorkCenterProcedure = tenantProcedure
  .meta({ action: 'workCenter.delete' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => deleteWorkCenter(ctx.tx, ctx.scope, input));
