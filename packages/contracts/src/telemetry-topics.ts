import { z } from 'zod';

/**
 * MQTT topics of the telemetry path, version v1:
 *
 *   ingot/v1/{tenant}/{plant}/{connector}/{kind}
 *
 * kind: `telemetry`, `status`, `alarm` and `reply` are published by the connector; `cmd` is published by the
 * cloud and is the only topic a connector subscribes to. Topics are built and parsed only here.
 * The broker authenticates the connector; ingest takes tenant and connector from that identity and only
 * checks that the topic agrees with it (a topic is never trusted on its own).
 */
export const TOPIC_ROOT = 'ingot';
export const TOPIC_VERSION = 'v1';

export const TOPIC_KINDS = ['telemetry', 'status', 'alarm', 'reply', 'cmd'] as const;
export const ZTopicKind = z.enum(TOPIC_KINDS);
export type TTopicKind = z.infer<typeof ZTopicKind>;

/** Kinds a connector publishes (its ACL: publish to these under its own prefix, subscribe to `cmd` only). */
export const CONNECTOR_PUBLISH_KINDS = [
  'telemetry',
  'status',
  'alarm',
  'reply',
] as const satisfies readonly TTopicKind[];

/**
 * One topic level: a tenant slug, a plant code or a connector id/code. Letters, digits, ".", "_" and "-",
 * 1..64 characters, starting with a letter or digit: never "/", "+", "#", "$" or spaces.
 */
export const ZTopicSegment = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'may contain only letters, digits, ".", "_" and "-" (no "/", "+", "#")',
  );

export const ZTopicAddress = z.object({
  tenant: ZTopicSegment,
  plant: ZTopicSegment,
  connector: ZTopicSegment,
});
export type TTopicAddress = z.infer<typeof ZTopicAddress>;

export interface TParsedTopic extends TTopicAddress {
  kind: TTopicKind;
}

/** Raised by the builders when a part is not a valid topic level; names the part. */
export class TopicError extends Error {
  override name = 'TopicError';
}

function checkedAddress(address: TTopicAddress): TTopicAddress {
  const r = ZTopicAddress.safeParse(address);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new TopicError(`invalid topic ${issue?.path.join('.') ?? 'part'}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** The prefix every topic of one connector starts with (no trailing slash). */
export function connectorTopicPrefix(address: TTopicAddress): string {
  const a = checkedAddress(address);
  return `${TOPIC_ROOT}/${TOPIC_VERSION}/${a.tenant}/${a.plant}/${a.connector}`;
}

export function connectorTopic(address: TTopicAddress, kind: TTopicKind): string {
  return `${connectorTopicPrefix(address)}/${ZTopicKind.parse(kind)}`;
}

export const telemetryTopic = (a: TTopicAddress) => connectorTopic(a, 'telemetry');
export const statusTopic = (a: TTopicAddress) => connectorTopic(a, 'status');
export const alarmTopic = (a: TTopicAddress) => connectorTopic(a, 'alarm');
export const replyTopic = (a: TTopicAddress) => connectorTopic(a, 'reply');
export const commandTopic = (a: TTopicAddress) => connectorTopic(a, 'cmd');

/**
 * Subscription filter for one kind across connectors: `ingot/v1/+/+/+/telemetry` (ingest), optionally
 * narrowed to a tenant. Used by ingest with a shared subscription: `$share/<group>/` + this.
 */
export function topicFilter(kind: TTopicKind, tenant?: string): string {
  const t = tenant === undefined ? '+' : ZTopicSegment.parse(tenant);
  return `${TOPIC_ROOT}/${TOPIC_VERSION}/${t}/+/+/${ZTopicKind.parse(kind)}`;
}

export type TParseTopicResult = { ok: true; topic: TParsedTopic } | { ok: false; error: string };

/** Validates a concrete topic (no wildcards) and returns its parts, or says what is wrong with it. */
export function parseTopic(topic: string): TParseTopicResult {
  if (typeof topic !== 'string' || topic.length === 0) return { ok: false, error: 'topic is empty' };
  if (topic.length > 512) return { ok: false, error: 'topic is longer than 512 characters' };
  const parts = topic.split('/');
  if (parts.length !== 6) {
    return {
      ok: false,
      error: `topic must have 6 levels ingot/v1/{tenant}/{plant}/{connector}/{kind}, got ${parts.length}`,
    };
  }
  const [root, version, tenant, plant, connector, kind] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (root !== TOPIC_ROOT) return { ok: false, error: `topic must start with "${TOPIC_ROOT}/"` };
  if (version !== TOPIC_VERSION)
    return { ok: false, error: `unsupported topic version "${version}" (expected ${TOPIC_VERSION})` };
  const address = ZTopicAddress.safeParse({ tenant, plant, connector });
  if (!address.success) {
    const issue = address.error.issues[0];
    return {
      ok: false,
      error: `invalid topic ${issue?.path.join('.') ?? 'level'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const k = ZTopicKind.safeParse(kind);
  if (!k.success)
    return { ok: false, error: `unknown topic kind "${kind}" (expected one of ${TOPIC_KINDS.join(', ')})` };
  return { ok: true, topic: { ...address.data, kind: k.data } };
}
