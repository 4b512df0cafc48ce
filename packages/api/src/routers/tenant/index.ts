import { router } from '../../trpc.ts';
import { getTenantProcedure } from './get-tenant.ts';
import { updateTenantProcedure } from './update-tenant.ts';

export const tenantRouter = router({ get: getTenantProcedure, update: updateTenantProcedure });
