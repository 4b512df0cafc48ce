import { ZPlanVersionInput } from '@ingot/contracts';
import { publishPlan } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/** Publishes a draft (previous published -> superseded; fully planned orders -> planned). */
export const publishPlanProcedure = tenantProcedure
  .meta({ action: 'plan.publish' })
  .input(ZPlanVersionInput)
  .mutation(({ ctx, input }) => publishPlan(ctx.tx, ctx.scope, input));
