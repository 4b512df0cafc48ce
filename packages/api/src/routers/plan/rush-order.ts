import { ZRushOrderInput } from '@ingot/contracts';
import { rushOrder } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { signalReplan } from './plan-workflows.ts';

/** Raises an order's priority (its tardiness weight) and asks for a reschedule. */
export const rushOrderProcedure = tenantProcedure
  .meta({ action: 'plan.run' })
  .input(ZRushOrderInput)
  .mutation(async ({ ctx, input }) => {
    const rushed = await rushOrder(ctx.tx, ctx.scope, input);
    const replan = await signalReplan(ctx, {
      tenantId: ctx.scope.tenantId,
      plantId: rushed.plantId,
      plantCode: rushed.plantCode,
      signal: 'rushOrder',
      trigger: 'rush_order',
      requestId: `rush:${input.orderId}:${ctx.requestId}`,
      requestedBy: ctx.scope.userId,
      orderId: input.orderId,
    });
    return { ...rushed, replan };
  });
