import { ZByIdInput } from '@ingot/contracts';
import { removeMember } from '@ingot/domain';
import { tenantAdminProcedure } from '../../trpc.ts';

export const removeMemberProcedure = tenantAdminProcedure
  .input(ZByIdInput)
  .mutation(({ ctx, input }) => removeMember(ctx.tx, ctx.scope, input));
