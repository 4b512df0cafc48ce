import { ZHoldLotInput } from '@ingot/contracts';
import { holdLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const holdLotProcedure = tenantProcedure
  .meta({ action: 'lot.update' })
  .input(ZHoldLotInput)
  .mutation(({ ctx, input }) => holdLot(ctx.tx, ctx.scope, input));
