import { ZProvisionTenantRequest } from '@ingot/contracts';
import { tenantIdForSlug } from '@ingot/db';
import { TRPCError } from '@trpc/server';
import { platformAdminProcedure } from '../../trpc.ts';

/**
 * Starts the provisionTenant workflow (tenant, first plant, first administrator). Returns at once; the portal
 * follows the run with `platform.tenant.provisionStatus`. Starting again with the same slug attaches to the run.
 */
export const provisionTenantProcedure = platformAdminProcedure
  .meta({ action: 'platform.tenant.provision' })
  .input(ZProvisionTenantRequest)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.startProvisionTenant) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'tenant provisioning is unavailable: no workflow server is configured',
      });
    }
    const started = await ctx.startProvisionTenant({ ...input, requestedBy: ctx.user.id });
    return { ...started, slug: input.slug, tenantId: tenantIdForSlug(input.slug) };
  });
