import { emqxAuthenticate } from '@ingot/ingest/emqx';
import { runHook } from '../emqx-hooks.ts';

export const dynamic = 'force-dynamic';

/** EMQX 5 HTTP authentication: `{"result":"allow"|"deny","is_superuser":false}` (see @ingot/ingest emqx-http.ts). */
export function POST(req: Request): Promise<Response> {
  return runHook(req, 'authn', (hooks, body) => emqxAuthenticate(hooks.auth, body));
}
