import type { TRole } from '@ingot/contracts';
import { type TenantTx, upsertUserBySubject, withTenant, withUser } from '@ingot/db';
import {
  DomainError,
  getUserProfile,
  listMyMemberships,
  resolveMembership,
  type TTenantContext,
  type TUserProfile,
} from '@ingot/domain';
import { experimental_standaloneMiddleware, initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { TContext } from './context.ts';
import { describeError } from './error-shape.ts';

const t = initTRPC.context<TContext>().create({
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

/** Signed in: the identity is known, and our user row exists (created at first sign-in). */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const identity = ctx.identity;
  if (!identity) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
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

const ZActiveTenantId = z.uuid();

/**
 * Inside one tenant: the tenant the user picked (cookie) if the database has their membership of it — or, with
 * no pick, their first membership. The whole procedure runs in one `withTenant` transaction (RLS set for the
 * tenant), rolled back if the procedure fails; `ctx.tx` is that transaction and `ctx.scope` what domain
 * functions take. A pick the user is not a member of answers FORBIDDEN (never silently another tenant).
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
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
  try {
    return await withTenant(ctx.db, { tenantId: activeTenantId, userId }, inTenant);
  } catch (e) {
    if (e instanceof RollbackSignal) return e.result as Awaited<ReturnType<typeof inTenant>>;
    throw e;
  }
});

/** Lets the procedure run only for members holding one of `roles` (checked before any row is looked up). */
export function requireRole(...roles: TRole[]) {
  return experimental_standaloneMiddleware<{ ctx: { tenant: { roles: readonly TRole[] } } }>().create(
    ({ ctx, next }) => {
      if (!ctx.tenant.roles.some((r) => roles.includes(r))) {
        throw new TRPCError({ code: 'FORBIDDEN', message: `requires one of the roles: ${roles.join(', ')}` });
      }
      return next();
    },
  );
}

/** Plants, areas, lines, equipment: changed by tenant administrators and plant managers. */
export const hierarchyWriteProcedure = tenantProcedure.use(requireRole('tenant_admin', 'plant_manager'));
/** Members and tenant settings: tenant administrators only. */
export const tenantAdminProcedure = tenantProcedure.use(requireRole('tenant_admin'));

/** Platform operations (across tenants): users flagged platform_admin only. */
export const platformAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.platformAdmin)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'platform administrators only' });
  return next();
});
