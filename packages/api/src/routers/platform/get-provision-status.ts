import { ZSlug } from '@ingot/contracts';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { platformAdminProcedure } from '../../trpc.ts';

export const ZProvisionStatusInput = z.object({ slug: ZSlug });

/** The latest provisionTenant run for a slug: not_found, running, completed (with ids) or failed (with why). */
export const getProvisionStatusProcedure = platformAdminProcedure
  .meta({ action: 'platform.tenant.read' })
  .input(ZProvisionStatusInput)
  .query(async ({ ctx, input }) => {
    if (!ctx.getProvisionTenantStatus) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'tenant provisioning is unavailable: no workflow server is configured',
      });
    }
    return ctx.getProvisionTenantStatus(input.slug);
  });
