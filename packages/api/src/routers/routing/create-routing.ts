import { ZCreateRoutingInput } from '@ingot/contracts';
import { createRouting } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createRoutingProcedure = tenantProcedure
  .meta({ action: 'routing.manage' })
  .input(ZCreateRoutingInput)
  .mutation(({ ctx, input }) => createRouting(ctx.tx, ctx.scope, input));
