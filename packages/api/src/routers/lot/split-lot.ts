import { ZSplitLotInput } from '@ingot/contracts';
import { splitLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const splitLotProcedure = tenantProcedure
  .meta({ action: 'lot.split' })
  .input(ZSplitLotInput)
  .mutation(({ ctx, input }) => splitLot(ctx.tx, ctx.scope, input));
