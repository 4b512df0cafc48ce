import { ZListLotsInput } from '@ingot/contracts';
import { listLots } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const listLotsProcedure = tenantProcedure
  .meta({ action: 'lot.read' })
  .input(ZListLotsInput)
  .query(({ ctx, input }) => listLots(ctx.tx, ctx.scope, input));
