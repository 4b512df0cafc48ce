import { ZAddMemberInput } from '@ingot/contracts';
import { upsertUserBySubject } from '@ingot/db';
import { addMember, getTenant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { withIdentityDirectory } from './identity-errors.ts';

/**
 * Adds a person by e-mail. A person who never signed in gets a pending user row (no subject yet), bound to their
 * identity at first sign-in. With Keycloak, their account is found or created there too (realm roles, tenant
 * group); `invitation` says how a new account gets its password. Inside the tenant transaction: a refused add
 * leaves no user row behind, and a Keycloak failure rolls the membership back.
 */
export const addMemberProcedure = tenantProcedure
  .meta({ action: 'member.add' })
  .input(ZAddMemberInput)
  .mutation(async ({ ctx, input }) => {
    const member = await addMember(ctx.tx, ctx.scope, input, {
      resolveUserId: ({ email, displayName }) =>
        upsertUserBySubject(ctx.tx, { subject: null, email, displayName }),
    });
    const directory = ctx.identityDirectory;
    if (!directory) return { ...member, invitation: null };
    const tenant = await getTenant(ctx.tx, ctx.scope);
    const invitation = await withIdentityDirectory(() =>
      directory.provisionMember({
        email: member.email,
        displayName: input.displayName,
        roles: member.roles,
        tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      }),
    );
    return { ...member, invitation };
  });
