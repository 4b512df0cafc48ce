/** Every workflow of the platform task queue. The Worker bundles this file (workflowsPath / bundleWorkflowCode). */
export { labInspection } from './lab-inspection.ts';
export { orderLifecycle } from './order-lifecycle.ts';
export { planProduction } from './plan-production.ts';
export { provisionTenant } from './provision-tenant.ts';
