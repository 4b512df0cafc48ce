/**
 * The operations that cross the tenant wall on purpose. Each calls a SECURITY DEFINER function of the
 * migrations (owned by the owner role, EXECUTE granted to ingot_app); the application role itself never
 * gets wider table rights.
 */
import type { Db } from './create-db.ts';
import type { TenantTx } from './scope.ts';

/** A Db, or the transaction of a withTenant/withUser (required inside one: on PGlite `db` would wait for it). */
export type DbOrTx = Db | TenantTx;

function clientOf(target: DbOrTx): TenantTx {
  return 'prisma' in target && 'kind' in target ? target.prisma : target;
}

export interface UpsertUserInput {
  /** The identity server's `sub`; null when a tenant admin adds someone by email before they ever signed in. */
  subject: string | null;
  email: string;
  displayName: string;
}

/**
 * Finds or creates the user: by subject, else by (lower-cased) email; returns their id. At sign-in the email and
 * name follow the identity server; a user first added by email gets the subject bound on their first sign-in.
 * Fails with a unique violation (see isUniqueViolation) when the email belongs to a user with another subject.
 */
export async function upsertUserBySubject(target: DbOrTx, input: UpsertUserInput): Promise<string> {
  const rows = await clientOf(target).$queryRaw<Array<{ id: string }>>`
    SELECT app_upsert_user(${input.subject}, ${input.email}, ${input.displayName})::text AS id`;
  const id = rows[0]?.id;
  if (!id) throw new Error('app_upsert_user returned no id');
  return id;
}

/** Whether a tenant already uses this slug (sign-up, before any tenant scope exists). */
export async function platformTenantExists(target: DbOrTx, slug: string): Promise<boolean> {
  const rows = await clientOf(target).$queryRaw<Array<{ exists: boolean }>>`
    SELECT app_platform_tenant_exists(${slug}) AS exists`;
  return rows[0]?.exists === true;
}

/**
 * Makes a user a platform administrator, or no longer one (the demo seed, a platform console). Not possible
 * through `tx.user.update`: the app role cannot write platform_admin. Returns false if the user does not exist.
 */
export async function setPlatformAdmin(
  target: DbOrTx,
  input: { userId: string; platformAdmin: boolean },
): Promise<boolean> {
  const rows = await clientOf(target).$queryRaw<Array<{ found: boolean }>>`
    SELECT app_platform_set_admin(${input.userId}::uuid, ${input.platformAdmin}) AS found`;
  return rows[0]?.found === true;
}

/**
 * The tenant's id when `email` is an administrator of the tenant `slug` who has never signed in (pending user row),
 * else null: the only people a platform administrator may hand a first password to.
 */
export async function platformPendingAdminTenant(
  target: DbOrTx,
  input: { slug: string; email: string },
): Promise<string | null> {
  const rows = await clientOf(target).$queryRaw<Array<{ tenant_id: string | null }>>`
    SELECT app_platform_pending_admin(${input.slug}, ${input.email})::text AS tenant_id`;
  return rows[0]?.tenant_id ?? null;
}
