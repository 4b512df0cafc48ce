import { ZChangeLotStatusInput } from '@ingot/contracts';
import { changeLotStatus } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const changeLotStatusProcedure = tenantProcedure
  .meta({ action: 'lot.update' })
  .input(ZChangeLotStatusInput)
  .mutation(({ ctx, input }) => changeLotStatus(ctx.tx, ctx.scope, input));
