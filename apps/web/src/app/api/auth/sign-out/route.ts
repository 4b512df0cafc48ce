import { SESSION_COOKIE } from '@ingot/auth';
import { cookies } from 'next/headers';

export const dynamic = 'force-dynamic';

/** Ends the session: the cookie goes (the token expires on its own). */
export async function POST() {
  (await cookies()).delete(SESSION_COOKIE);
  return new Response(null, { status: 204 });
}
