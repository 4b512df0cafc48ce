import { ZLocale } from '@ingot/contracts';
import { TRPCError } from '@trpc/server';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from '../../../env.ts';
import { LOCALE_COOKIE, PREFERENCE_MAX_AGE } from '../../../server/cookies.ts';
import { serverCaller } from '../../../server/server-caller.ts';

export const dynamic = 'force-dynamic';

const ZSetLocale = z.object({ locale: ZLocale });

/**
 * The language switch: a cookie for pages without a session (sign-in), and — when signed in — the user's
 * remembered language through `me.setLocale`.
 */
export async function POST(req: Request) {
  const body = ZSetLocale.safeParse(await req.json().catch(() => null));
  if (!body.success) return Response.json({ error: 'locale must be zh-CN or en' }, { status: 400 });
  (await cookies()).set(LOCALE_COOKIE, body.data.locale, {
    httpOnly: false,
    sameSite: 'lax',
    secure: env.INGOT_SECURE_COOKIES,
    path: '/',
    maxAge: PREFERENCE_MAX_AGE,
  });
  try {
    await (await serverCaller()).me.setLocale({ locale: body.data.locale });
  } catch (e) {
    // Signed out: the cookie is all there is.
    if (!(e instanceof TRPCError && e.code === 'UNAUTHORIZED')) throw e;
  }
  return new Response(null, { status: 204 });
}
