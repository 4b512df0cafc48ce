import { ZUpdateTenantInput } from '@ingot/contracts';
import { updateTenant } from '@ingot/domain';
import { tenantProcedure } from '../../trpc.ts';
import { withIdentityDirectory } from '../member/identity-errors.ts';

/**
 * Tenant settings. `requireSecondFactor` is enforced by the identity server: with Keycloak the tenant's group gets
 * (or loses) the realm role that makes its browser flow demand TOTP, inside this transaction, so a Keycloak failure
 * leaves the setting unchanged. The embedded development issuer has no second factor; there the flag is only stored.
 */
export const updateTenantProcedure = tenantProcedure
  .meta({ action: 'tenant.update' })
  .input(ZUpdateTenantInput)
  .mutation(async ({ ctx, input }) => {
    const tenant = await updateTenant(ctx.tx, ctx.scope, input);
    const directory = ctx.identityDirectory;
    if (directory && input.requireSecondFactor !== undefined) {
      const required = input.requireSecondFactor;
      await withIdentityDirectory(() =>
        directory.setTenantSecondFactor({ tenant: { id: tenant.id, slug: tenant.slug }, required }),
      );
    }
    return tenant;
  });
