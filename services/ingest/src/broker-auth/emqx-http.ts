import { timingSafeEqual } from 'node:crypto';
import type { BrokerAuth } from './broker-auth.ts';
import { connectorIdentityOf, type TBrokerIdentity, type TCredentialLookup } from './identity.ts';

/**
 * EMQX 5's HTTP authentication and authorization hooks, as pure functions of the request (the web app's route
 * handlers under /api/mqtt are thin adapters). Configure EMQX with POST, `content-type: application/json`, the
 * header `authorization: Bearer <INGOT_EMQX_HOOK_SECRET>` and these body templates:
 *
 *   authn: {"clientid":"${clientid}","username":"${username}","password":"${password}"}
 *   authz: {"clientid":"${clientid}","username":"${username}","action":"${action}","topic":"${topic}",
 *           "qos":"${qos}","retain":"${retain}"}
 *
 * Answers follow EMQX 5's contract: status 200, content-type application/json, body `{"result":"allow"|"deny"}`
 * (authn adds `"is_superuser": false` — nobody is ever a superuser). Every refusal is an explicit "deny", never
 * "ignore" or a 4xx/5xx (EMQX treats those as ignore and moves on down its chain), so a misconfigured chain can not
 * turn a refusal into an allow. Authorization must run with `no_match = deny` in EMQX.
 */
export interface TEmqxResponse {
  status: 200;
  body: { result: 'allow' | 'deny'; is_superuser?: false };
}

const allow = (authn: boolean): TEmqxResponse => ({
  status: 200,
  body: authn ? { result: 'allow', is_superuser: false } : { result: 'allow' },
});
const deny = (authn: boolean): TEmqxResponse => ({
  status: 200,
  body: authn ? { result: 'deny', is_superuser: false } : { result: 'deny' },
});

/** Compares the `authorization` header with `Bearer <secret>` in constant time. */
export function emqxSecretMatches(header: string | null, secret: string): boolean {
  const given = Buffer.from(header ?? '', 'utf8');
  const expected = Buffer.from(`Bearer ${secret}`, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function emqxAuthenticate(auth: BrokerAuth, body: unknown): Promise<TEmqxResponse> {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const r = await auth.authenticate(str(b.username), str(b.password), {
    broker: 'emqx',
    clientId: str(b.clientid),
  });
  return r.ok ? allow(true) : deny(true);
}

export interface TEmqxAuthorizer {
  authorize(body: unknown): Promise<TEmqxResponse>;
}

/**
 * EMQX asks per publish/subscribe with only the username: the identity is looked up again (cached for `ttlMs`;
 * EMQX caches decisions per client too). A revoked or unknown user is denied everything.
 */
export function emqxAuthorizer(
  auth: BrokerAuth,
  lookup: TCredentialLookup,
  services: readonly string[],
  ttlMs = 10_000,
): TEmqxAuthorizer {
  const cache = new Map<string, { at: number; identity: TBrokerIdentity | null }>();
  const identityOf = async (username: string): Promise<TBrokerIdentity | null> => {
    if (services.includes(username)) return { kind: 'service', username };
    const hit = cache.get(username);
    if (hit && Date.now() - hit.at < ttlMs) return hit.identity;
    const c = await lookup(username);
    const identity = c && !c.revoked && c.passwordHash ? connectorIdentityOf(username, c) : null;
    if (cache.size > 50_000) cache.clear();
    cache.set(username, { at: Date.now(), identity });
    return identity;
  };
  return {
    async authorize(body) {
      const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      const username = str(b.username) ?? '';
      const clientId = str(b.clientid);
      const action = str(b.action);
      const topic = str(b.topic) ?? '';
      const qos = Number(str(b.qos) ?? b.qos ?? 0);
      const retain = String(b.retain) === 'true';
      const ctx = { broker: 'emqx' as const, clientId, username };
      if (action !== 'publish' && action !== 'subscribe') {
        auth.denied(String(action), 'unknown action', ctx, { topic });
        return deny(false);
      }
      let identity: TBrokerIdentity | null;
      try {
        identity = await identityOf(username);
      } catch {
        auth.denied(action, 'credential store unavailable', ctx, { topic });
        return deny(false);
      }
      if (!identity) {
        auth.denied(action, 'no active connector with this username', ctx, { topic });
        return deny(false);
      }
      if (identity.kind === 'connector' && clientId !== username) {
        auth.denied(action, 'client id must equal the username', ctx, { topic });
        return deny(false);
      }
      const d =
        action === 'publish'
          ? auth.authorizePublish(identity, { topic, qos: Number.isFinite(qos) ? qos : 2, retain }, ctx)
          : auth.authorizeSubscribe(identity, topic, Number.isFinite(qos) ? qos : 2, ctx);
      return d.allow ? allow(false) : deny(false);
    },
  };
}
