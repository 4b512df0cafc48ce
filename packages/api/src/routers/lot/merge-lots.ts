import { ZMergeLotsInput } from '@ingot/contracts';
import { mergeLots } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const mergeLotsProcedure = tenantProcedure
  .meta({ action: 'lot.merge' })
  .input(ZMergeLotsInput)
  .mutation(({ ctx, input }) => mergeLots(ctx.tx, ctx.scope, input));
