import { type TenantTx, upsertUserBySubject, withTenant, withUser } from '@ingot/db';
import {
  DomainError,
  getUserProfile,
  listMyMemberships,
  recordAuditEvent,
  resolveMembership,
  type TTenantContext,
  type TUserProfile,
} from '@ingot/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { TContext } from './context.ts';
import { describeError } from './error-shape.ts';
import {
  isPlatformAction,
  isSelfAction,
  isTenantAction,
  type TProcedureMeta,
} from './permissions/actions.ts';
import { rolesAllow } from './permissions/permission-table.ts';

const t = initTRPC
  .context<TContext>()
  .meta<TProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const { message, ...data } = describeError(error);
      return { ...shape, message, data: { ...shape.data, ...data } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** DomainError (thrown by packages/domain) -> TRPCError with the same code, keeping the error as cause. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

const forbidden = (message: string) => new TRPCError({ code: 'FORBIDDEN', message });

/**
 * Signed in: the identity is known, and our user row exists (created at first sign-in). Every procedure past
 * this layer must declare its action (`.meta({ action })`); one that does not is refused, whoever calls it.
 * Not exported: procedures use selfProcedure, tenantProcedure or platformAdminProcedure, each of which checks
 * that the action belongs to its layer.
 */
const authedProcedure = publicProcedure.use(async ({ ctx, meta, next }) => {
  const identity = ctx.identity;
  if (!identity) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  if (!meta?.action) throw forbidden('this procedure declares no action');
  const userId = await upsertUserBySubject(ctx.db, {
    subject: identity.subject,
    email: identity.email.trim().toLowerCase(),
    displayName: identity.name,
  });
  const user: TUserProfile = await withUser(ctx.db, { userId }, (tx) => getUserProfile(tx, { userId }));
  return next({ ctx: { ...ctx, user } });
});

/** Thrown inside the tenant transaction to roll it back when the procedure failed; never leaves this module. */
class RollbackSignal {
  constructor(readonly result: unknown) {}
}

/** Returned by the tenant transaction when the permission table refused: the denied row commits, then FORBIDDEN. */
const DENIED = Symbol('denied');

const ZActiveTenantId = z.uuid();

/**
 * Inside one tenant: the tenant the user picked (cookie) if the database has their membership of it — or, with
 * no pick, their first membership. The whole procedure runs in one `withTenant` transaction (RLS set for the
 * tenant), rolled back if the procedure fails; `ctx.tx` is that transaction and `ctx.scope` what domain
 * functions take. A pick the user is not a member of answers FORBIDDEN (never silently another tenant).
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, meta, path, next }) => {
  const userId = ctx.user.id;
  let tenantId: string | null = null;
  if (ctx.activeTenantId !== null) {
    const parsed = ZActiveTenantId.safeParse(ctx.activeTenantId);
    if (!parsed.success)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'not a member of the selected tenant' });
    tenantId = parsed.data;
  } else {
    const memberships = await withUser(ctx.db, { userId }, (tx) => listMyMemberships(tx, { userId }));
    tenantId = memberships[0]?.tenantId ?? null;
  }
  if (tenantId === null)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'you are not a member of any tenant' });
  const activeTenantId = tenantId;

  const inTenant = async (tx: TenantTx) => {
    const membership = await resolveMembership(tx, { tenantId: activeTenantId, userId });
    if (!membership)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'not a member of the selected tenant' });
    if (!membership.tenantActive)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'the tenant is suspended' });
    // The permission table, deny by default, before the procedure reads any row (and before its input is parsed).
    // A member's refused attempt goes into the tenant's audit trail (who tried what, from where); the input does not.
    const action = meta?.action;
    if (!isTenantAction(action) || !rolesAllow(membership.roles, action)) {
      await recordAuditEvent(
        tx,
        { tenantId: activeTenantId, userId, requestId: ctx.requestId, sourceIp: ctx.sourceIp },
        {
          action: String(action),
          targetType: 'procedure',
          targetId: path,
          outcome: 'denied',
          details: { roles: membership.roles },
        },
      );
      return DENIED;
    }
    const tenant = {
      id: activeTenantId,
      membershipId: membership.membershipId,
      roles: membership.roles,
      plantIds: membership.plantIds,
    };
    const scope: TTenantContext = {
      tenantId: activeTenantId,
      userId,
      membershipId: membership.membershipId,
      roles: membership.roles,
      plantIds: membership.plantIds,
      requestId: ctx.requestId,
      sourceIp: ctx.sourceIp,
    };
    const result = await next({ ctx: { ...ctx, tx, tenant, scope } });
    // tRPC hands a procedure's failure back as a result, not an exception: throw to roll the transaction back.
    if (!result.ok) throw new RollbackSignal(result);
    return result;
  };
  let outcome: Awaited<ReturnType<typeof inTenant>>;
  try {
    outcome = await withTenant(ctx.db, { tenantId: activeTenantId, userId }, inTenant);
  } catch (e) {
    if (e instanceof RollbackSignal) return e.result as Exclude<typeof outcome, typeof DENIED>;
    throw e;
  }
  if (outcome === DENIED) throw forbidden(`your roles in this tenant do not allow ${String(meta?.action)}`);
  return outcome;
});

/** About the caller themselves (their profile, their language): any signed-in user, self actions only. */
export const selfProcedure = authedProcedure.use(({ meta, next }) => {
  if (!isSelfAction(meta?.action)) throw forbidden(`${String(meta?.action)} is not an action on oneself`);
  return next();
});

/** Platform operations (across tenants): users flagged platform_admin only, platform actions only. */
export const platformAdminProcedure = authedProcedure.use(({ ctx, meta, next }) => {
  if (!ctx.user.platformAdmin) throw forbidden('platform administrators only');
  if (!isPlatformAction(meta?.action)) throw forbidden(`${String(meta?.action)} is not a platform action`);
  return next();
});
