import { ZByIdInput } from '@ingot/contracts';
import { releaseWorkOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const releaseWorkOrderProcedure = tenantProcedure
  .meta({ action: 'workOrder.release' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => releaseWorkOrder(ctx.tx, ctx.scope, input));
