import { ZAdvanceOrderInput } from '@ingot/contracts';
import { advanceOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const advanceOrderProcedure = tenantProcedure
  .meta({ action: 'order.update' })
  .input(ZAdvanceOrderInput)
  .mutation(({ ctx, input }) => advanceOrder(ctx.tx, ctx.scope, input));
