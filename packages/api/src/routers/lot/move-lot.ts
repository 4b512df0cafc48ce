import { ZMoveLotInput } from '@ingot/contracts';
import { moveLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const moveLotProcedure = tenantProcedure
  .meta({ action: 'lot.update' })
  .input(ZMoveLotInput)
  .mutation(({ ctx, input }) => moveLot(ctx.tx, ctx.scope, input));
