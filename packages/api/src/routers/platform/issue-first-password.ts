import { ZIssueFirstPasswordInput } from '@ingot/contracts';
import { platformPendingAdminTenant, withTenant } from '@ingot/db';
import { recordAuditEvent } from '@ingot/domain';
import { TRPCError } from '@trpc/server';
import { platformAdminProcedure } from '../../trpc.ts';
import { withIdentityDirectory } from '../member/identity-errors.ts';

/**
 * A temporary password for a new tenant's first administrator, shown once to the platform administrator who hands
 * it over (Keycloak makes its holder choose their own at first sign-in). Only for a tenant administrator who has
 * never signed in: anyone else answers NOT_FOUND, so no working account can be taken over from the platform
 * console. Recorded in the tenant's audit trail (never the password).
 */
export const issueFirstPasswordProcedure = platformAdminProcedure
  .meta({ action: 'platform.tenant.issueFirstPassword' })
  .input(ZIssueFirstPasswordInput)
  .mutation(async ({ ctx, input }) => {
    const directory = ctx.identityDirectory;
    if (!directory) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'passwords are managed by the identity server; none is configured (embedded issuer)',
      });
    }
    const email = input.email.trim().toLowerCase();
    const notFound = () =>
      new TRPCError({
        code: 'NOT_FOUND',
        message: 'no administrator of that tenant is waiting for a first password',
      });
    const tenantId = await platformPendingAdminTenant(ctx.db, { slug: input.slug, email });
    if (!tenantId) throw notFound();
    return withTenant(ctx.db, { tenantId, userId: ctx.user.id }, async (tx) => {
      await recordAuditEvent(
        tx,
        { tenantId, userId: ctx.user.id, requestId: ctx.requestId, sourceIp: ctx.sourceIp },
        {
          action: 'platform.tenant.issueFirstPassword',
          targetType: 'user',
          targetId: null,
          details: { email },
        },
      );
      const password = await withIdentityDirectory(() => directory.issueTemporaryPassword({ email }));
      if (!password) throw notFound();
      return { email, temporaryPassword: password };
    });
  });
