import { ZReleaseLotInput } from '@ingot/contracts';
import { releaseLot } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const releaseLotProcedure = tenantProcedure
  .meta({ action: 'lot.update' })
  .input(ZReleaseLotInput)
  .mutation(({ ctx, input }) => releaseLot(ctx.tx, ctx.scope, input));
