import { runHook } from '../emqx-hooks.ts';

export const dynamic = 'force-dynamic';

/** EMQX 5 HTTP authorization: `{"result":"allow"|"deny"}` per publish/subscribe (see @ingot/ingest emqx-http.ts). */
export function POST(req: Request): Promise<Response> {
  return runHook(req, 'authz', (hooks, body) => hooks.authz.authorize(body));
}
