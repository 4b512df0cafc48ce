import { ZByIdInput } from '@ingot/contracts';
import { getRouting } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const getRoutingProcedure = tenantProcedure
  .meta({ action: 'routing.read' })
  .input(ZByIdInput)
  .query(({ ctx, input }) => getRouting(ctx.tx, ctx.scope, input));
