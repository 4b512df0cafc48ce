import { InvalidTokenError, SESSION_COOKIE } from '@ingot/auth';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '../../../../env.ts';
import { clientIp } from '../../../../server/client-ip.ts';
import { TENANT_COOKIE } from '../../../../server/cookies.ts';
import { LIMITS, rateLimit, tooManyRequests } from '../../../../server/rate-limit.ts';
import { getPortalRuntime } from '../../../../server/runtime.ts';
import { isSameOrigin } from '../../../../server/same-origin.ts';

export const dynamic = 'force-dynamic';

const ZSession = z.object({ accessToken: z.string().min(20).max(8192) });

/**
 * The server-rendered pages' view of the browser's session: keycloak-js holds the tokens; after sign-in and after
 * every refresh it posts the access token here, and it goes into an httpOnly, SameSite=Lax cookie that lives as
 * long as the token. Verified first (issuer, audience, expiry, signature): a forged or foreign token sets nothing.
 * Same-origin only (the cookie is what server components and cookie-authenticated routes trust).
 */
export async function POST(req: Request) {
  if (!isSameOrigin(req)) return Response.json({ error: 'cross-site request refused' }, { status: 403 });
  const limited = rateLimit(`session:${clientIp(req.headers)}`, LIMITS.session, 60);
  if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds);
  const body = ZSession.safeParse(await req.json().catch(() => null));
  if (!body.success) return Response.json({ error: 'accessToken is required' }, { status: 400 });
  const { identity } = await getPortalRuntime();
  try {
    await identity.verify(body.data.accessToken);
  } catch (e) {
    if (e instanceof InvalidTokenError) return Response.json({ error: e.message }, { status: 401 });
    throw e;
  }
  const exp = JSON.parse(Buffer.from(body.data.accessToken.split('.')[1] ?? '', 'base64url').toString()).exp;
  const maxAge = Math.max(1, Math.floor(Number(exp) - Date.now() / 1000));
  (await cookies()).set(SESSION_COOKIE, body.data.accessToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.INGOT_SECURE_COOKIES,
    path: '/',
    maxAge,
  });
  return new Response(null, { status: 204 });
}

/** Sign-out on this side: the session cookie and the tenant pick go (the issuer's session ends at its logout). */
export async function DELETE(req: Request) {
  if (!isSameOrigin(req)) return Response.json({ error: 'cross-site request refused' }, { status: 403 });
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(TENANT_COOKIE);
  return new Response(null, { status: 204 });
}
