import { ZTransformLotInput } from '@ingot/contracts';
import { transformLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const transformLotProcedure = tenantProcedure
  .meta({ action: 'lot.create' })
  .input(ZTransformLotInput)
  .mutation(({ ctx, input }) => transformLot(ctx.tx, ctx.scope, input));
