import { ZByIdInput } from '@ingot/contracts';
import { getTenant, removeMember } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { withIdentityDirectory } from './identity-errors.ts';

/** Removes a member: access ends at once (every request checks the membership); out of the tenant's group too. */
export const removeMemberProcedure = tenantProcedure
  .meta({ action: 'member.remove' })
  .input(ZByIdInput)
  .mutation(async ({ ctx, input }) => {
    const removed = await removeMember(ctx.tx, ctx.scope, input);
    const directory = ctx.identityDirectory;
    if (directory) {
      const tenant = await getTenant(ctx.tx, ctx.scope);
      await withIdentityDirectory(() =>
        directory.removeFromTenant({ email: removed.email, tenantSlug: tenant.slug }),
      );
    }
    return { id: removed.id };
  });
