import { ZUpdateMemberInput } from '@ingot/contracts';
import { updateMember } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { withIdentityDirectory } from './identity-errors.ts';

/** Changes roles and plant scope; new roles reach Keycloak as realm roles (a new tenant_admin must use TOTP). */
export const updateMemberProcedure = tenantProcedure
  .meta({ action: 'member.update' })
  .input(ZUpdateMemberInput)
  .mutation(async ({ ctx, input }) => {
    const member = await updateMember(ctx.tx, ctx.scope, input);
    const directory = ctx.identityDirectory;
    if (directory && input.roles) {
      await withIdentityDirectory(() => directory.grantRoles({ email: member.email, roles: member.roles }));
    }
    return member;
  });
