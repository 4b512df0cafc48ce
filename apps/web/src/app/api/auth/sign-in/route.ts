import { SESSION_COOKIE } from '@ingot/auth';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '../../../../env.ts';
import { getPortalRuntime } from '../../../../server/runtime.ts';

export const dynamic = 'force-dynamic';

const ZSignIn = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

/** Session lifetime; the token itself expires after the issuer's TTL (8 h). */
const SESSION_MAX_AGE = 8 * 3600;

/**
 * Sign-in against the embedded issuer (`npm start`, tests): 200 sets the httpOnly session cookie, 401 for a
 * wrong e-mail or password. (The identity issue replaces this with the OIDC code flow against Keycloak.)
 */
export async function POST(req: Request) {
  const body = ZSignIn.safeParse(await req.json().catch(() => null));
  if (!body.success) return Response.json({ error: 'email and password are required' }, { status: 400 });
  const { issuer } = await getPortalRuntime();
  const token = await issuer.signIn(body.data.email, body.data.password);
  if (!token) return Response.json({ error: 'wrong email or password' }, { status: 401 });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.INGOT_SECURE_COOKIES,
    path: '/',
    maxAge: SESSION_MAX_AGE,
  });
  return Response.json({ ok: true });
}
