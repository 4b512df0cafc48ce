import { router } from '../../trpc.ts';
import { getProvisionStatusProcedure } from './get-provision-status.ts';
import { issueFirstPasswordProcedure } from './issue-first-password.ts';
import { listTenantsProcedure } from './list-tenants.ts';
import { provisionTenantProcedure } from './provision-tenant.ts';

export const platformRouter = router({
  tenant: router({
    list: listTenantsProcedure,
    provision: provisionTenantProcedure,
    provisionStatus: getProvisionStatusProcedure,
    issueFirstPassword: issueFirstPasswordProcedure,
  }),
});
