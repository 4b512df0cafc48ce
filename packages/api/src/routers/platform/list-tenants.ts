import { sqlStateOf, withUser } from '@ingot/db';
import { listPlatformTenants } from '@ingot/domain';
import { TRPCError } from '@trpc/server';
import { platformAdminProcedure } from '../../trpc.ts';

/** Every tenant of the platform (platform administrators). */
export const listTenantsProcedure = platformAdminProcedure
  .meta({ action: 'platform.tenant.read' })
  .query(async ({ ctx }) => {
    try {
      return await withUser(ctx.db, { userId: ctx.user.id }, (tx) => listPlatformTenants(tx));
    } catch (e) {
      // 42883 undefined_function: the database has not got the platform listing function yet.
      if (sqlStateOf(e) === '42883') {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'listing tenants needs the database function app_platform_list_tenants()',
        });
      }
      throw e;
    }
  });
