import { ZUpdateRoutingInput } from '@ingot/contracts';
import { updateRouting } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateRoutingProcedure = tenantProcedure
  .meta({ action: 'routing.manage' })
  .input(ZUpdateRoutingInput)
  .mutation(({ ctx, input }) => updateRouting(ctx.tx, ctx.scope, input));
