import { ZSearchLotsInput } from '@ingot/contracts';
import { searchLots } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const searchLotsProcedure = tenantProcedure
  .meta({ action: 'lot.read' })
  .input(ZSearchLotsInput)
  .query(({ ctx, input }) => searchLots(ctx.tx, ctx.scope, input));
