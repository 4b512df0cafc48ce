import { topicFilter } from '@ingot/contracts';
import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import { INGEST_KINDS, INGEST_SHARE_GROUP } from '../broker-auth/acl.ts';
import type { Logger } from '../logger.ts';
import type { IngestPipeline } from './ingest-pipeline.ts';
import type { TTopicIdentity } from './topic-identity.ts';

export interface TMqttIngestOptions {
  url: string;
  /**
   * Stable per replica (e.g. `ingot-ingest-0`), and also its client id: the broker keeps the replica's session and
   * redelivers what it did not acknowledge. Each replica needs its own (brokers set client id = username, and
   * two sessions with one client id take each other over).
   */
  username: string;
  password: string;
  pipeline: IngestPipeline;
  resolveIdentity: (topic: string) => Promise<TTopicIdentity>;
  log: Logger;
  /** Shared-subscription group (INGEST_SHARE_GROUP; against Mosquitto a secret one, see shareGroupFor). */
  shareGroup?: string;
  /** Unacknowledged messages the broker may send at once (MQTT 5 Receive Maximum). */
  receiveMaximum?: number;
  /** How long the broker keeps the session (and its unacknowledged messages) after a disconnect. */
  sessionExpirySeconds?: number;
}

interface Held {
  gen: number;
  outcome: Promise<unknown>;
}

type SendPacket = (
  packet: { cmd: string; messageId?: number; reasonCode?: number },
  cb?: (e?: Error) => void,
) => void;

/**
 * One ingest replica against an external MQTT 5 broker: a shared subscription (`$share/ingest/ingot/v1/+/+/+/<kind>`)
 * with QoS 1, a persistent session, and PUBACK sent only after the pipeline settled the message (stored, or
 * dead-lettered). mqtt.js handles incoming packets one at a time and sends the PUBACK in the same step, so its
 * customHandleAcks alone would allow a single message in flight; here the PUBACK mqtt.js is about to send is
 * held back instead (its step completes at once) and written when the message is settled — in arrival order, as
 * MQTT requires. A message whose insert failed is never acknowledged: the connection is dropped and the broker
 * redelivers it from the session.
 */
export class MqttIngest {
  private client: MqttClient | null = null;
  private gen = 0;
  private readonly held = new Map<number, Held>();
  private ackChain: Promise<void> = Promise.resolve();
  readonly counters = { received: 0, acked: 0, refused: 0, redelivered: 0 };

  constructor(private readonly opts: TMqttIngestOptions) {}

  get mqttClient(): MqttClient | null {
    return this.client;
  }

  async start(): Promise<void> {
    const o = this.opts;
    const options: IClientOptions = {
      protocolVersion: 5,
      clientId: o.username,
      username: o.username,
      password: o.password,
      clean: false,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: true,
      properties: {
        sessionExpiryInterval: o.sessionExpirySeconds ?? 3600,
        receiveMaximum: o.receiveMaximum ?? 1000,
      },
      customHandleAcks: (topic, payload, packet, done) => {
        this.onPublish(topic, payload as Buffer, packet);
        done(0);
      },
    };
    const client = mqtt.connect(o.url, options);
    this.client = client;
    const internal = client as unknown as { _sendPacket: SendPacket };
    const send = internal._sendPacket.bind(client);
    internal._sendPacket = (packet, cb) => {
      const h =
        packet.cmd === 'puback' && packet.messageId !== undefined
          ? this.held.get(packet.messageId)
          : undefined;
      if (!h || packet.messageId === undefined) return send(packet, cb);
      const id = packet.messageId;
      this.held.delete(id);
      cb?.();
      this.ackChain = this.ackChain.then(() =>
        h.outcome.then(
          () => {
            if (h.gen === this.gen && this.client?.connected) {
              send({ cmd: 'puback', messageId: id, reasonCode: 0 });
              this.counters.acked += 1;
            }
          },
          (e: Error) => {
            if (h.gen !== this.gen) return;
            this.counters.refused += 1;
            o.log.error('message not stored; reconnecting so the broker redelivers it', {
              messageId: id,
              error: e.message,
            });
            this.gen += 1;
            this.client?.stream.destroy();
          },
        ),
      );
    };
    client.on('close', () => {
      if (this.client === client)
        o.log.warn('ingest disconnected', { clientId: o.username, unacked: this.held.size });
      this.gen += 1;
      this.held.clear();
      this.ackChain = Promise.resolve();
    });
    client.on('error', (e) => o.log.warn('mqtt error', { clientId: o.username, error: e.message }));
    await new Promise<void>((resolve, reject) => {
      const onErr = (e: Error) => reject(e);
      client.once('error', onErr);
      client.once('connect', (connack) => {
        client.off('error', onErr);
        if (connack.sessionPresent) {
          o.log.info('session resumed', { clientId: o.username });
          resolve();
          return;
        }
        const filters = INGEST_KINDS.map(
          (k) => `$share/${o.shareGroup ?? INGEST_SHARE_GROUP}/${topicFilter(k)}`,
        );
        client.subscribe(filters, { qos: 1 }, (err, granted) => {
          if (err) return reject(err);
          const refused = (granted ?? []).filter((g) => g.qos > 1);
          if (refused.length > 0)
            return reject(new Error(`subscription refused: ${refused.map((g) => g.topic).join(', ')}`));
          resolve();
        });
      });
    });
    o.log.info('ingest subscribed', { clientId: o.username, url: o.url });
  }

  /** Disconnects; `abrupt` drops the socket without DISCONNECT and without sending held acks (a crash). */
  async stop(abrupt = false): Promise<void> {
    const c = this.client;
    this.client = null;
    this.gen += 1;
    if (!c) return;
    if (abrupt) {
      c.stream.destroy();
      await c.endAsync(true);
      return;
    }
    await Promise.race([this.ackChain.catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    await c.endAsync(false);
  }

  private onPublish(topic: string, payload: Buffer, packet: IPublishPacket): void {
    this.counters.received += 1;
    if (packet.dup) this.counters.redelivered += 1;
    const outcome = this.settle(topic, payload);
    if (packet.qos === 1 && packet.messageId !== undefined)
      this.held.set(packet.messageId, { gen: this.gen, outcome });
    else outcome.catch(() => undefined);
  }

  private async settle(topic: string, payload: Buffer): Promise<unknown> {
    const who = await this.opts.resolveIdentity(topic);
    if (!who.ok) {
      this.opts.log.warn('message from no registered connector dropped', {
        event: 'ingest.unattributed',
        topic,
        reason: who.reason,
      });
      return null;
    }
    return this.opts.pipeline.handle(who.identity, topic, who.kind, payload);
  }
}
