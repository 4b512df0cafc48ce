import type { Db } from './create-db.ts';
import type { Prisma } from './generated/prisma/client.ts';
import { APP_ROLE } from './pglite.ts';

/** The Prisma client inside a scoped transaction: what domain functions receive. */
export type TenantTx = Prisma.TransactionClient;

export interface TenantScope {
  tenantId: string;
  /** The acting user, if any (lets RLS show them their own memberships and user row). */
  userId?: string | undefined;
}

export interface UserScope {
  userId: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertUuid(value: string, what: string): void {
  // The policies cast the setting to uuid: a malformed id would fail every query with a cast error.
  if (!UUID_RE.test(value)) throw new TypeError(`${what} must be a UUID, got ${JSON.stringify(value)}`);
}

/**
 * Runs `fn` in one transaction scoped to a tenant: row-level security then shows and accepts only that tenant's
 * rows. The settings are transaction-local (`set_config(..., true)`), so nothing survives into the next use of
 * the pooled connection. Domain code still filters by tenant in its queries; this is the second wall.
 *
 * Use the `tx` it gives, never `db.prisma`, inside `fn`: on PGlite (one session) a query on `db.prisma` would
 * wait for this very transaction to end.
 */
export async function withTenant<T>(
  db: Db,
  scope: TenantScope,
  fn: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  assertUuid(scope.tenantId, 'withTenant: tenantId');
  if (scope.userId !== undefined) assertUuid(scope.userId, 'withTenant: userId');
  return scoped(db, scope.tenantId, scope.userId ?? '', fn);
}

/**
 * Runs `fn` in one transaction scoped to a user and no tenant: their own user row, their memberships and the
 * tenants they belong to (the tenant switcher). Every tenant-owned table reads as empty.
 */
export async function withUser<T>(db: Db, scope: UserScope, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  assertUuid(scope.userId, 'withUser: userId');
  return scoped(db, '', scope.userId, fn);
}

function scoped<T>(db: Db, tenantId: string, userId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction(async (tx) => {
    // PGlite's only session user is a superuser: act as the application role for this transaction.
    if (db.kind === 'pglite') await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
    const [row] = await tx.$queryRaw<Array<{ role: string; bypass: boolean }>>`
      SELECT set_config('app.tenant_id', ${tenantId}, true) AS tenant_id,
             set_config('app.user_id', ${userId}, true) AS user_id,
             current_user::text AS role,
             (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`;
    // A misconfigured DATABASE_URL (e.g. the owner's) would make every policy a no-op: refuse loudly.
    if (!row || row.bypass) {
      throw new Error(
        `@ingot/db: refusing a tenant-scoped transaction as role ${row?.role ?? '?'}, which bypasses row-level ` +
          `security; connect as ${APP_ROLE} (DATABASE_URL).`,
      );
    }
    return fn(tx);
  });
}
