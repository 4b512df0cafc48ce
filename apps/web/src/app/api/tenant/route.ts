import { ZId } from '@ingot/contracts';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '../../../env.ts';
import { PREFERENCE_MAX_AGE, TENANT_COOKIE } from '../../../server/cookies.ts';
import { serverCaller } from '../../../server/server-caller.ts';

export const dynamic = 'force-dynamic';

const ZSwitchTenant = z.object({ tenantId: ZId });

/**
 * The tenant switcher: stores the picked tenant in the `ingot_tenant` cookie, but only a tenant the database
 * says the user is a member of (the API checks again on every request).
 */
export async function POST(req: Request) {
  const body = ZSwitchTenant.safeParse(await req.json().catch(() => null));
  if (!body.success) return Response.json({ error: 'tenantId must be a UUID' }, { status: 400 });
  let memberships: { tenantId: string }[];
  try {
    memberships = (await (await serverCaller()).me.get()).memberships;
  } catch {
    return Response.json({ error: 'sign in first' }, { status: 401 });
  }
  if (!memberships.some((m) => m.tenantId === body.data.tenantId)) {
    return Response.json({ error: 'not a member of this tenant' }, { status: 403 });
  }
  (await cookies()).set(TENANT_COOKIE, body.data.tenantId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.INGOT_SECURE_COOKIES,
    path: '/',
    maxAge: PREFERENCE_MAX_AGE,
  });
  return new Response(null, { status: 204 });
}

/** Forgets the pick (after sign-in, so a previous user's tenant is not carried over). */
export async function DELETE() {
  (await cookies()).delete(TENANT_COOKIE);
  return new Response(null, { status: 204 });
}
