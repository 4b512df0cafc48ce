import { ZShareOrderInput } from '@ingot/contracts';
import { shareOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const shareOrderProcedure = tenantProcedure
  .meta({ action: 'order.share' })
  .input(ZShareOrderInput)
  .mutation(({ ctx, input }) => shareOrder(ctx.tx, ctx.scope, input));
