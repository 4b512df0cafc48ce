import { ZByIdInput } from '@ingot/contracts';
import { removeMember } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const removeMemberProcedure = tenantProcedure
  .meta({ action: 'member.remove' })
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => removeMember(ctx.tx, ctx.scope, input));
