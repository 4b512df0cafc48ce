/** Every workflow of the platform task queue. The Worker bundles this file (workflowsPath / bundleWorkflowCode). */
export { provisionTenant } from './provision-tenant.ts';
