import { ZListRoutingsInput } from '@ingot/contracts';
import { listRoutings } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listRoutingsProcedure = tenantProcedure
  .meta({ action: 'routing.read' })
  .input(ZListRoutingsInput)
  .query(({ ctx, input }) => listRoutings(ctx.tx, ctx.scope, input));
