import { ZUpdateAlloyInput } from '@ingot/contracts';
import { updateAlloy } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateAlloyProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZUpdateAlloyInput)
  .mutation(({ ctx, input }) => updateAlloy(ctx.tx, ctx.scope, input));
