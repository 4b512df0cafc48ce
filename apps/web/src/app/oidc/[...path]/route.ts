import { getPortalRuntime } from '../../../server/runtime.ts';

export const dynamic = 'force-dynamic';

/** The embedded issuer's OpenID Connect endpoints (`npm start` without KEYCLOAK_URL); 404 with Keycloak. */
async function handler(req: Request): Promise<Response> {
  const { identity } = await getPortalRuntime();
  if (!identity.embedded) return new Response('not found', { status: 404 });
  return identity.embedded.handle(req);
}

export { handler as GET, handler as POST };
