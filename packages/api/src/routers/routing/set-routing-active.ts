import { ZSetActiveInput } from '@ingot/contracts';
import { setRoutingActive } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const setRoutingActiveProcedure = tenantProcedure
  .meta({ action: 'routing.manage' })
  .input(ZSetActiveInput)
  .mutation(({ ctx, input }) => setRoutingActive(ctx.tx, ctx.scope, input));
