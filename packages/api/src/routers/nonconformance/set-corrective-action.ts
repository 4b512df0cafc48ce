import { ZSetCorrectiveActionInput } from '@ingot/contracts';
import { setCorrectiveAction } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const setCorrectiveActionProcedure = tenantProcedure
  .meta({ action: 'quality.manage' })
  .input(ZSetCorrectiveActionInput)
  .mutation(({ ctx, input }) => setCorrectiveAction(ctx.tx, ctx.scope, input));
