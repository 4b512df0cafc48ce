import { handleApiRequest } from '@ingot/api';
import { clientIp } from '../../../../server/client-ip.ts';
import { getPortalRuntime } from '../../../../server/runtime.ts';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const runtime = await getPortalRuntime();
  return handleApiRequest(req, {
    db: runtime.db,
    verify: runtime.identity.verify,
    sourceIp: clientIp,
    identityDirectory: runtime.identity.directory,
    startProvisionTenant: runtime.startProvisionTenant,
    getProvisionTenantStatus: runtime.getProvisionTenantStatus,
    planWorkflows: runtime.planWorkflows,
  });
}

export { handler as GET, handler as POST };
