import { ZCreateLotInput } from '@ingot/contracts';
import { createLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createLotProcedure = tenantProcedure
  .meta({ action: 'lot.create' })
  .input(ZCreateLotInput)
  .mutation(({ ctx, input }) => createLot(ctx.tx, ctx.scope, input));
