import type { TRole } from '@ingot/contracts';

/**
 * Who is acting, in which tenant, with which reach. Built by the API's tenant procedure after it has checked the
 * membership in the database; domain functions never take a tenant id from anywhere else.
 */
export interface TTenantContext {
  tenantId: string;
  userId: string;
  membershipId: string;
  roles: readonly TRole[];
  /** Plants the member is limited to; empty means every plant of the tenant. */
  plantIds: readonly string[];
  /** Request metadata for the audit trail. */
  requestId?: string | null;
  sourceIp?: string | null;
}
