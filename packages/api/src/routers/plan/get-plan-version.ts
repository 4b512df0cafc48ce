import { ZPlanVersionInput } from '@ingot/contracts';
import { getPlanVersion } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getPlanVersionProcedure = tenantProcedure
  .meta({ action: 'plan.read' })
  .input(ZPlanVersionInput)
  .query(({ ctx, input }) => getPlanVersion(ctx.tx, ctx.scope, input));
