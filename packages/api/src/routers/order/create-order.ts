import { ZCreateOrderInput } from '@ingot/contracts';
import { createOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createOrderProcedure = tenantProcedure
  .meta({ action: 'order.create' })
  .input(ZCreateOrderInput)
  .mutation(({ ctx, input }) => createOrder(ctx.tx, ctx.scope, input));
