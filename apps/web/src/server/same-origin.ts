/**
 * Is this state-changing request from one of our own pages? Cookie-authenticated POST routes check it (on top
 * of SameSite=Lax cookies): the browser's `Origin` must be this host's; without `Origin`, `Sec-Fetch-Site` must
 * say same-origin. A request with neither (not a browser) carries no ambient cookie risk and passes.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  if (!origin) return site === null || site === 'same-origin' || site === 'none';
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
