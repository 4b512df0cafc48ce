import { ZCreateAlloyInput } from '@ingot/contracts';
import { createAlloy } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createAlloyProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZCreateAlloyInput)
  .mutation(({ ctx, input }) => createAlloy(ctx.tx, ctx.scope, input));
