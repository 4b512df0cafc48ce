import { ZAddMemberInput } from '@ingot/contracts';
import { upsertUserBySubject } from '@ingot/db';
import { addMember } from '@ingot/domain';
import { tenantAdminProcedure } from '../../trpc.ts';

/**
 * Adds a person by e-mail. Until the identity issue provisions accounts in Keycloak, the embedded issuer's
 * subject is the e-mail address, so the user row is found or created under that subject.
 */
export const addMemberProcedure = tenantAdminProcedure.input(ZAddMemberInput).mutation(({ ctx, input }) =>
  addMember(ctx.tx, ctx.scope, input, {
    resolveUserId: ({ email, displayName }) => upsertUserBySubject(ctx.db, { subject: email, email, displayName }),
  }),
);
