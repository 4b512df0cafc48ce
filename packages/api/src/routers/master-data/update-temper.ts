import { ZUpdateTemperInput } from '@ingot/contracts';
import { updateTemper } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateTemperProcedure = tenantProcedure
  .meta({ action: 'masterData.manage' })
  .input(ZUpdateTemperInput)
  .mutation(({ ctx, input }) => updateTemper(ctx.tx, ctx.scope, input));
