import { ZUpdateMemberInput } from '@ingot/contracts';
import { updateMember } from '@ingot/domain';
import { tenantAdminProcedure } from '../../trpc.ts';

export const updateMemberProcedure = tenantAdminProcedure
  .input(ZUpdateMemberInput)
  .mutation(({ ctx, input }) => updateMember(ctx.tx, ctx.scope, input));
