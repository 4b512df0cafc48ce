import {
  BrokerAuth,
  credentialLookupFromDb,
  emqxAuthorizer,
  emqxSecretMatches,
  jsonLogger,
  readIngestEnv,
  serviceAccounts,
  type TEmqxAuthorizer,
  type TEmqxResponse,
} from '@ingot/ingest/emqx';
import { getPortalRuntime } from '../../../server/runtime.ts';

/**
 * The EMQX 5 HTTP hooks' shared state: one BrokerAuth (the same rules as the embedded broker and Mosquitto's
 * generated files) over the portal's database, kept on globalThis like the portal runtime.
 */
interface THooks {
  auth: BrokerAuth;
  authz: TEmqxAuthorizer;
  secret: string | null;
}

const KEY = Symbol.for('ingot.mqtt.emqx-hooks');
type TGlobal = typeof globalThis & { [KEY]?: Promise<THooks> };

async function create(): Promise<THooks> {
  const runtime = await getPortalRuntime();
  const env = readIngestEnv();
  const services = serviceAccounts(env);
  const lookup = credentialLookupFromDb(runtime.db);
  const auth = new BrokerAuth({ lookup, services, log: jsonLogger('mqtt-hooks') });
  return {
    auth,
    authz: emqxAuthorizer(
      auth,
      lookup,
      services.map((s) => s.username),
    ),
    secret: env.INGOT_EMQX_HOOK_SECRET ?? null,
  };
}

export function emqxHooks(): Promise<THooks> {
  const g = globalThis as TGlobal;
  g[KEY] ??= create();
  return g[KEY];
}

export function json(r: TEmqxResponse): Response {
  return new Response(JSON.stringify(r.body), {
    status: r.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/**
 * Runs a hook: without INGOT_EMQX_HOOK_SECRET configured, or with a request that does not carry it, the answer is
 * a plain "deny" (status 200, so EMQX does not fall through to another authenticator).
 */
export async function runHook(
  req: Request,
  kind: 'authn' | 'authz',
  fn: (hooks: THooks, body: unknown) => Promise<TEmqxResponse>,
): Promise<Response> {
  const denied: TEmqxResponse =
    kind === 'authn'
      ? { status: 200, body: { result: 'deny', is_superuser: false } }
      : { status: 200, body: { result: 'deny' } };
  const hooks = await emqxHooks();
  if (!hooks.secret || !emqxSecretMatches(req.headers.get('authorization'), hooks.secret)) {
    hooks.auth.denied(kind, 'EMQX hook request without the shared secret', { broker: 'emqx' });
    return json(denied);
  }
  const body = await req.json().catch(() => null);
  if (body === null) {
    hooks.auth.denied(kind, 'EMQX hook request body is not JSON', { broker: 'emqx' });
    return json(denied);
  }
  return json(await fn(hooks, body));
}
