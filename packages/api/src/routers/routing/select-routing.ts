import { ZSelectRoutingInput } from '@ingot/contracts';
import { selectRouting } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const selectRoutingProcedure = tenantProcedure
  .meta({ action: 'routing.read' })
  .input(ZSelectRoutingInput)
  .query(({ ctx, input }) => selectRouting(ctx.tx, ctx.scope, input));
