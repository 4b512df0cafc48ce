import { ZUpdateOrderInput } from '@ingot/contracts';
import { updateOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateOrderProcedure = tenantProcedure
  .meta({ action: 'order.update' })
  .input(ZUpdateOrderInput)
  .mutation(({ ctx, input }) => updateOrder(ctx.tx, ctx.scope, input));
