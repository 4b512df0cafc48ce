import { ZByIdInput } from '@ingot/contracts';
import { confirmOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { promiseDateProvider } from './promise-date-provider.ts';

/** Confirms an order: work orders, then capable-to-promise for the promised date. */
export const confirmOrderProcedure = tenantProcedure
  .meta({ action: 'order.confirm' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => confirmOrder(ctx.tx, ctx.scope, input, promiseDateProvider));
