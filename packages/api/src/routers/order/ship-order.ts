import { ZShipOrderInput } from '@ingot/contracts';
import { shipOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const shipOrderProcedure = tenantProcedure
  .meta({ action: 'order.ship' })
  .input(ZShipOrderInput)
  .mutation(({ ctx, input }) => shipOrder(ctx.tx, ctx.scope, input));
