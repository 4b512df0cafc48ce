import { createHash } from 'node:crypto';
import {
  CONNECTOR_PUBLISH_KINDS,
  connectorTopic,
  connectorTopicPrefix,
  MAX_MESSAGE_BYTES,
  parseTopic,
  TOPIC_ROOT,
  TOPIC_VERSION,
  type TTopicAddress,
  type TTopicKind,
} from '@ingot/contracts';
import type { TBrokerIdentity, TConnectorIdentity } from './identity.ts';

/**
 * The shared-subscription group of ingest replicas. Mosquitto 2.0 grants any SUBSCRIBE and applies read ACLs only
 * at delivery, so a client that joins the group would be handed (and silently drop) its share of every
 * connector's messages: measured in mosquitto.integration.test.ts. Against Mosquitto the group name is
 * therefore a secret (shareGroupFor(service password)); aedes and EMQX refuse the SUBSCRIBE itself.
 */
export const INGEST_SHARE_GROUP = 'ingest';

/** An unguessable group name derived from the service's secret (same on every replica). */
export function shareGroupFor(secret: string): string {
  return `ingest-${createHash('sha256').update(`ingot-share-group:${secret}`).digest('hex').slice(0, 24)}`;
}
/** Upstream kinds ingest reads. */
export const INGEST_KINDS = [
  'telemetry',
  'status',
  'alarm',
  'reply',
] as const satisfies readonly TTopicKind[];

export type TAclDecision = { allow: true } | { allow: false; reason: string };

const allow: TAclDecision = { allow: true };
const deny = (reason: string): TAclDecision => ({ allow: false, reason });

export function addressOf(identity: TConnectorIdentity): TTopicAddress {
  return { tenant: identity.tenantSlug, plant: identity.plantCode, connector: identity.connectorCode };
}

/** The topics a connector may publish to and the one it may subscribe to (Mosquitto ACL, docs). */
export function connectorGrants(identity: TConnectorIdentity): { publish: string[]; subscribe: string[] } {
  const a = addressOf(identity);
  return {
    publish: CONNECTOR_PUBLISH_KINDS.map((k) => connectorTopic(a, k)),
    subscribe: [connectorTopic(a, 'cmd')],
  };
}

/** The filters the service identity may subscribe to: shared (`$share/ingest/...`) or plain. */
export function serviceSubscribeFilters(shareGroup = INGEST_SHARE_GROUP): string[] {
  return INGEST_KINDS.flatMap((k) => {
    const f = `${TOPIC_ROOT}/${TOPIC_VERSION}/+/+/+/${k}`;
    return [f, `$share/${shareGroup}/${f}`];
  });
}

export interface TPublishRequest {
  topic: string;
  qos: number;
  retain: boolean;
  /** Bytes of the payload, when the broker knows it (aedes does; EMQX's authz request does not carry it). */
  payloadBytes?: number | undefined;
}

/**
 * May `identity` publish this message? A connector: only QoS 0/1, never retained, only under its own
 * `ingot/v1/{tenant}/{plant}/{connector}/` prefix and only to telemetry, status, alarm or reply. The service:
 * only concrete command topics of a well-formed connector address. Nobody publishes to `$` topics or with
 * wildcards, and no payload is larger than MAX_MESSAGE_BYTES.
 */
export function authorizePublish(identity: TBrokerIdentity, req: TPublishRequest): TAclDecision {
  if (req.topic.length === 0) return deny('empty topic');
  if (req.topic.startsWith('$')) return deny(`publish to reserved topic ${req.topic}`);
  if (req.topic.includes('+') || req.topic.includes('#')) return deny('wildcard in a publish topic');
  if (req.payloadBytes !== undefined && req.payloadBytes > MAX_MESSAGE_BYTES)
    return deny(`payload of ${req.payloadBytes} bytes is over the limit of ${MAX_MESSAGE_BYTES}`);
  if (req.qos > 1) return deny('QoS 2 is not accepted (use QoS 1)');
  if (req.retain) return deny('retained messages are not accepted');
  const parsed = parseTopic(req.topic);
  if (!parsed.ok) return deny(`topic outside the ingot namespace: ${parsed.error}`);
  const t = parsed.topic;
  if (identity.kind === 'service') {
    return t.kind === 'cmd'
      ? allow
      : deny(`the service identity publishes only command topics, not ${t.kind}`);
  }
  const own = connectorTopicPrefix(addressOf(identity));
  const prefix = `${TOPIC_ROOT}/${TOPIC_VERSION}/${t.tenant}/${t.plant}/${t.connector}`;
  if (prefix !== own) {
    if (t.tenant !== identity.tenantSlug) return deny("publish under another tenant's prefix");
    if (t.plant !== identity.plantCode) return deny("publish under another plant's prefix");
    return deny("publish under another connector's prefix");
  }
  if (!(CONNECTOR_PUBLISH_KINDS as readonly string[]).includes(t.kind))
    return deny(`a connector may not publish to its ${t.kind} topic`);
  return allow;
}

/**
 * May `identity` subscribe to this filter? A connector: exactly its own command topic. The service: the
 * upstream filters of serviceSubscribeFilters(). No `#`, no `$SYS`, nothing else.
 */
export function authorizeSubscribe(
  identity: TBrokerIdentity,
  filter: string,
  qos = 1,
  shareGroup = INGEST_SHARE_GROUP,
): TAclDecision {
  if (filter.length === 0) return deny('empty topic filter');
  if (qos > 1) return deny('QoS 2 subscriptions are not accepted');
  if (identity.kind === 'service') {
    return serviceSubscribeFilters(shareGroup).includes(filter)
      ? allow
      : deny(`the service identity may not subscribe to ${filter}`);
  }
  if (filter.startsWith('$SYS')) return deny('subscribe to $SYS');
  if (filter.startsWith('$share/')) return deny('shared subscription by a connector');
  if (filter.includes('#') || filter.includes('+')) return deny(`wildcard subscription ${filter}`);
  const own = connectorTopic(addressOf(identity), 'cmd');
  if (filter === own) return allow;
  const parsed = parseTopic(filter);
  if (parsed.ok && parsed.topic.kind === 'cmd') return deny("subscribe to another connector's command topic");
  return deny(`a connector subscribes only to its own command topic, not ${filter}`);
}
