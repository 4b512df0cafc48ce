import { parseTopic, type TTopicKind } from '@ingot/contracts';
import { connectorUsername } from '@ingot/domain';
import {
  connectorIdentityOf,
  type TConnectorIdentity,
  type TCredentialLookup,
} from '../broker-auth/identity.ts';

export type TTopicIdentity =
  | { ok: true; identity: TConnectorIdentity; kind: TTopicKind }
  | { ok: false; reason: string };

/**
 * With an external broker (EMQX, Mosquitto) ingest receives messages through a shared subscription and does not
 * see who published them. The broker's ACL (generated from broker-auth) lets ONLY the connector authenticated as
 * username `{tenant}.{code}` publish under `ingot/v1/{tenant}/{plant}/{code}/`, so the prefix identifies the
 * authenticated publisher. This maps it back: topic -> username -> the registered connector
 * (app_connector_credentials), whose ids — not the topic's text — become the identity; a topic whose plant
 * differs from the registered one, or whose connector is unknown or revoked, is refused.
 * Lookups are cached for `ttlMs` (a revocation reaches ingest within that time; the broker refuses the
 * connector's next CONNECT at once).
 */
export function topicIdentityResolver(lookup: TCredentialLookup, ttlMs = 10_000) {
  const cache = new Map<string, { at: number; value: Awaited<ReturnType<TCredentialLookup>> }>();
  return async (topic: string): Promise<TTopicIdentity> => {
    const parsed = parseTopic(topic);
    if (!parsed.ok) return { ok: false, reason: parsed.error };
    const t = parsed.topic;
    const username = connectorUsername(t.tenant, t.connector);
    let hit = cache.get(username);
    if (!hit || Date.now() - hit.at > ttlMs) {
      hit = { at: Date.now(), value: await lookup(username) };
      cache.set(username, hit);
      if (cache.size > 50_000) cache.clear();
    }
    const c = hit.value;
    if (!c) return { ok: false, reason: `no registered connector ${username}` };
    if (c.revoked) return { ok: false, reason: `connector ${username} is revoked` };
    if (c.tenantSlug !== t.tenant || c.plantCode !== t.plant || c.connectorCode !== t.connector)
      return { ok: false, reason: `topic ${topic} is not the registered prefix of ${username}` };
    return { ok: true, identity: connectorIdentityOf(username, c), kind: t.kind };
  };
}
