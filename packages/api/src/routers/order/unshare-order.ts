import { ZShareOrderInput } from '@ingot/contracts';
import { unshareOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const unshareOrderProcedure = tenantProcedure
  .meta({ action: 'order.share' })
  .input(ZShareOrderInput)
  .mutation(({ ctx, input }) => unshareOrder(ctx.tx, ctx.scope, input));
