import { commandTopic, MAX_MESSAGE_BYTES, statusTopic, telemetryTopic } from '@ingot/contracts';
import { describe, expect, it } from 'vitest';
import { authorizePublish, authorizeSubscribe, INGEST_SHARE_GROUP, shareGroupFor } from './acl.ts';
import type { TConnectorIdentity } from './identity.ts';

const me: TConnectorIdentity = {
  kind: 'connector',
  username: 't1.edge-1',
  connectorId: '00000000-0000-0000-0000-0000000000c1',
  tenantId: '00000000-0000-0000-0000-0000000000a1',
  tenantSlug: 't1',
  plantId: '00000000-0000-0000-0000-0000000000b1',
  plantCode: 'RP',
  connectorCode: 'edge-1',
};
const own = { tenant: 't1', plant: 'RP', connector: 'edge-1' };
const pub = (topic: string, o: { qos?: number; retain?: boolean; payloadBytes?: number } = {}) =>
  authorizePublish(me, { topic, qos: o.qos ?? 1, retain: o.retain ?? false, payloadBytes: o.payloadBytes });

describe('broker ACL (the rules every broker applies)', () => {
  it('a connector publishes telemetry, status, alarm and reply under its own prefix only', () => {
    expect(pub(telemetryTopic(own))).toEqual({ allow: true });
    expect(pub(statusTopic(own))).toEqual({ allow: true });
    expect(pub(commandTopic(own)).allow).toBe(false);
    expect(pub(telemetryTopic({ ...own, tenant: 't2' }))).toEqual({
      allow: false,
      reason: "publish under another tenant's prefix",
    });
    expect(pub(telemetryTopic({ ...own, plant: 'EP' }))).toEqual({
      allow: false,
      reason: "publish under another plant's prefix",
    });
    expect(pub(telemetryTopic({ ...own, connector: 'edge-2' })).allow).toBe(false);
  });

  it('refuses what no connector may publish', () => {
    expect(pub('ingot/v1/t1/RP/edge-1/telemetry/extra').allow).toBe(false);
    expect(pub('ingot/v1/t1/RP/+/telemetry').allow).toBe(false);
    expect(pub('$SYS/x').allow).toBe(false);
    expect(pub('').allow).toBe(false);
    expect(pub(telemetryTopic(own), { retain: true }).allow).toBe(false);
    expect(pub(telemetryTopic(own), { qos: 2 }).allow).toBe(false);
    expect(pub(telemetryTopic(own), { payloadBytes: MAX_MESSAGE_BYTES + 1 }).allow).toBe(false);
    expect(pub(telemetryTopic(own), { payloadBytes: MAX_MESSAGE_BYTES }).allow).toBe(true);
  });

  it('a connector subscribes to its own command topic and nothing else', () => {
    expect(authorizeSubscribe(me, commandTopic(own))).toEqual({ allow: true });
    for (const f of [
      '#',
      '$SYS/#',
      'ingot/#',
      'ingot/v1/t1/RP/+/cmd',
      commandTopic({ ...own, connector: 'edge-2' }),
      telemetryTopic(own),
    ]) {
      expect(authorizeSubscribe(me, f).allow, f).toBe(false);
    }
    expect(authorizeSubscribe(me, `$share/${INGEST_SHARE_GROUP}/ingot/v1/+/+/+/telemetry`).allow).toBe(false);
    expect(authorizeSubscribe(me, commandTopic(own), 2).allow).toBe(false);
  });

  it('the service identity reads upstream topics (its group only) and writes commands', () => {
    const svc = { kind: 'service' as const, username: 'ingot-ingest-0' };
    expect(authorizeSubscribe(svc, `$share/${INGEST_SHARE_GROUP}/ingot/v1/+/+/+/telemetry`).allow).toBe(true);
    expect(authorizeSubscribe(svc, '$share/other/ingot/v1/+/+/+/telemetry').allow).toBe(false);
    expect(authorizeSubscribe(svc, '#').allow).toBe(false);
    expect(authorizePublish(svc, { topic: commandTopic(own), qos: 1, retain: false }).allow).toBe(true);
    expect(authorizePublish(svc, { topic: telemetryTopic(own), qos: 1, retain: false }).allow).toBe(false);
  });

  it('derives a stable, unguessable share group from the service secret', () => {
    expect(shareGroupFor('a-secret-of-sixteen+')).toBe(shareGroupFor('a-secret-of-sixteen+'));
    expect(shareGroupFor('a-secret-of-sixteen+')).not.toBe(shareGroupFor('a-secret-of-sixteen-'));
    expect(shareGroupFor('x')).toMatch(/^ingest-[0-9a-f]{24}$/);
  });
});
