import { ZSetActiveInput } from '@ingot/contracts';
import { setAlloyActive } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const setAlloyActiveProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZSetActiveInput)
  .mutation(({ ctx, input }) => setAlloyActive(ctx.tx, ctx.scope, input));
