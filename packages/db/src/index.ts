// @ingot/db: the Prisma schema's client, tenant-scoped transactions, and the few platform operations.
// Subpaths: `@ingot/db/migrate` (the engine-free migration runner), `@ingot/db/pglite` (embedded database).

export {
  auditRowHash,
  GENESIS_HASH,
  type TAuditProblem,
  type TAuditRowText,
  type TAuditVerification,
  type TOwnerQuery,
  verifyAuditChain,
} from './audit-chain.ts';
export { type CreateDbOptions, createDb, createDbFromEnv, type Db } from './create-db.ts';
export { readDbEnv, type TDbEnv } from './env.ts';
export {
  isForeignKeyViolation,
  isNotFound,
  isRowLevelSecurityViolation,
  isUniqueViolation,
  prismaCodeOf,
  sqlStateOf,
} from './errors.ts';
// The generated client: PrismaClient, the Prisma namespace, enums and model types (Tenant, User, Plant, ...).
export * from './generated/prisma/client.ts';
export { deterministicId, TENANT_ID_NAMESPACE, tenantIdForSlug, uuidV5 } from './ids.ts';
export {
  type DbOrTx,
  platformPendingAdminTenant,
  platformTenantExists,
  setPlatformAdmin,
  type UpsertUserInput,
  upsertUserBySubject,
} from './platform.ts';
export { defaultPgliteDir, findRepoRoot } from './repo-root.ts';
export { type TenantScope, type TenantTx, type UserScope, withTenant, withUser } from './scope.ts';
