/** Platform start-up: the demo tenants (idempotent), for the platform process of `npm start` and e2e. */
export { seedDemoTenant, type TSeedResult } from '@ingot/domain';
export {
  createContextInner,
  type TContext,
  type TCreateContextInnerOptions,
  type TGetProvisionTenantStatus,
  type TStartProvisionTenant,
} from './context.ts';
export type { TFieldErrors } from './error-shape.ts';
export {
  createRequestContext,
  identityOfRequest,
  TENANT_COOKIE,
  type TRequestContextDeps,
} from './http/create-request-context.ts';
export { handleApiRequest } from './http/handle-api-request.ts';
export { readAccessToken, readCookie } from './http/read-access-token.ts';
export { type AppRouter, appRouter } from './root.ts';
export { type TAuditEventFilterInput, ZAuditEventFilter } from './routers/audit/audit-inputs.ts';
export { createCallerFactory } from './trpc.ts';
