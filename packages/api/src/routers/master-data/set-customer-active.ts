import { ZSetActiveInput } from '@ingot/contracts';
import { setCustomerActive } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const setCustomerActiveProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZSetActiveInput)
  .mutation(({ ctx, input }) => setCustomerActive(ctx.tx, ctx.scope, input));
