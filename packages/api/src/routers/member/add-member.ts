import { ZAddMemberInput } from '@ingot/contracts';
import { upsertUserBySubject } from '@ingot/db';
import { addMember } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';

/**
 * Adds a person by e-mail. A person who never signed in gets a pending user row (no subject yet), bound to their
 * identity at first sign-in. Inside the tenant transaction, so a refused add leaves no user row behind.
 */
export const addMemberProcedure = tenantProcedure
  .meta({ action: 'member.add' })
  .input(ZAddMemberInput)
  .mutation(({ ctx, input }) =>
    addMember(ctx.tx, ctx.scope, input, {
      resolveUserId: ({ email, displayName }) =>
        upsertUserBySubject(ctx.tx, { subject: null, email, displayName }),
    }),
  );
