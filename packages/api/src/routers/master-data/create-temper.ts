import { ZCreateTemperInput } from '@ingot/contracts';
import { createTemper } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const createTemperProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZCreateTemperInput)
  .mutation(({ ctx, input }) => createTemper(ctx.tx, ctx.scope, input));
