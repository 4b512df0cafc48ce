import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { getRequestMe } from '../server/request-context.ts';
import { serverCaller } from '../server/server-caller.ts';

/**
 * Where a member starts: the first page of the menu their roles may read. A customer's or supplier's partner user
 * has no plant.read, so sending everyone to /plants would greet partners with a refusal (and write a denied row
 * into the tenant's audit trail at every sign-in).
 */
const START_PAGES: ReadonlyArray<readonly [action: string, href: string]> = [
  ['plant.read', '/plants'],
  ['order.read', '/orders'],
  ['certificate.read', '/certificates'],
];

async function startPage(): Promise<string> {
  try {
    const { access } = await (await serverCaller()).tenant.get();
    const granted: readonly string[] = access.actions;
    return START_PAGES.find(([action]) => granted.includes(action))?.[1] ?? '/plants';
  } catch (e) {
    // The picked tenant is gone or suspended: the plants page explains that.
    if (e instanceof TRPCError && e.code === 'FORBIDDEN') return '/plants';
    throw e;
  }
}

/** The start page (or the platform's tenants for a platform-only administrator). */
export default async function HomePage() {
  const me = await getRequestMe();
  if (!me) redirect('/sign-in');
  if (me.memberships.length === 0) redirect(me.user.platformAdmin ? '/platform/tenants' : '/plants');
  redirect(await startPage());
}
