import { clientIp } from '../../../server/client-ip.ts';
import { LIMITS, rateLimit, tooManyRequests } from '../../../server/rate-limit.ts';
import { getPortalRuntime } from '../../../server/runtime.ts';

export const dynamic = 'force-dynamic';

/** The embedded issuer's OpenID Connect endpoints (`npm start` without KEYCLOAK_URL); 404 with Keycloak. */
async function handler(req: Request): Promise<Response> {
  const { identity } = await getPortalRuntime();
  if (!identity.embedded) return new Response('not found', { status: 404 });
  // Password guessing on the login form, and code/refresh-token guessing on the token endpoint.
  if (req.method === 'POST') {
    const path = new URL(req.url).pathname;
    const [name, limit] = path.endsWith('/token')
      ? ['token', LIMITS.issuerToken]
      : ['login', LIMITS.issuerLogin];
    const limited = rateLimit(`issuer-${name}:${clientIp(req.headers)}`, limit, 60);
    if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds);
  }
  return identity.embedded.handle(req);
}

export { handler as GET, handler as POST };
