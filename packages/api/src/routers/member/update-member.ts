import { ZUpdateMemberInput } from '@ingot/contracts';
import { updateMember } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

export const updateMemberProcedure = tenantProcedure
  .meta({ action: 'member.update' })
  .input(ZUpdateMemberInput)
  .mutation(({ ctx, input }) => updateMember(ctx.tx, ctx.scope, input));
