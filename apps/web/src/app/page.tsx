import { redirect } from 'next/navigation';
import { getRequestMe } from '../server/request-context.ts';

/** The start page: the active tenant's plants (or the platform's tenants for a platform-only administrator). */
export default async function HomePage() {
  const me = await getRequestMe();
  if (!me) redirect('/sign-in');
  if (me.memberships.length === 0 && me.user.platformAdmin) redirect('/platform/tenants');
  redirect('/plants');
}
