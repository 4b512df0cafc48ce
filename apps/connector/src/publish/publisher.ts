import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import {
  alarmTopic,
  commandTopic,
  statusTopic,
  type TConnectorOffline,
  type TTopicAddress,
  telemetryTopic,
} from '@ingot/contracts';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { TConnectorConfig } from '../config/connector-config.ts';
import type { Logger } from '../logger.ts';
import type { Spool } from '../spool/spool.ts';

/** PUBACK reason codes after which re-sending the same payload can never succeed: the batch is dropped. */
const PERMANENT_REASON_CODES = new Set([
  0x95 /* packet too large */, 0x99 /* payload format invalid */, 0x90 /* topic name invalid */,
]);

export interface PublisherEvents {
  connected: [];
  disconnected: [reason: string];
  acked: [points: number, batches: number];
  refused: [seq: number, code: number, message: string, permanent: boolean];
  command: [payload: Buffer];
}

/**
 * Drains the spool to the broker: MQTT 5, QoS 1, at most `inflightWindow` batches awaiting PUBACK, a batch
 * deleted from the spool only after its PUBACK. Every connection is a fresh client (clean start, no
 * in-memory resend): after a reconnect, sending restarts from the oldest batch still in the spool, so a
 * batch whose PUBACK was lost is sent again (at-least-once; ingest dedups by connectorId:batchSeq).
 * Reconnects back off exponentially with jitter.
 */
export class Publisher extends EventEmitter<PublisherEvents> {
  private client: MqttClient | null = null;
  private generation = 0;
  private connected = false;
  private stopped = false;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Highest seq handed to the current connection. */
  private sentUpTo = -1;
  private readonly inflight = new Set<number>();
  private readonly inflightMsgs = new Set<number>();
  private pendingAcks: number[] = [];
  private ackFlushScheduled = false;
  private window: number;
  /** Refused (not permanently) batches wait for the next connection. */
  private blocked = false;
  /** Refusals in a row (no PUBACK success since): keeps the back-off growing across reconnects. */
  private refusalStreak = 0;
  private ackedThisConnection = false;
  readonly counters = { publishedBatches: 0, ackedBatches: 0, ackedPoints: 0, connects: 0 };

  constructor(
    private readonly mqttConfig: TConnectorConfig['mqtt'],
    private readonly address: TTopicAddress,
    private readonly spool: Spool,
    private readonly log: Logger,
  ) {
    super();
    this.window = mqttConfig.inflightWindow;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Sequence numbers published and awaiting PUBACK (the spool must not drop them). */
  inflightSeqs(): ReadonlySet<number> {
    return this.inflight;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.flushAcks();
    const c = this.client;
    this.client = null;
    this.connected = false;
    this.generation += 1;
    if (c) await c.endAsync(false).catch(() => c.end(true));
  }

  /** New data in the spool. */
  kick(): void {
    this.pump();
  }

  /** Publishes a message that is not spooled (heartbeat, reply); false when not connected. */
  publishDirect(topic: string, payload: string): boolean {
    if (!this.connected || !this.client) return false;
    this.client.publish(topic, payload, { qos: 1 }, (err) => {
      if (err) this.log.warn('publish failed', { topic, error: err.message });
    });
    return true;
  }

  private options(): IClientOptions {
    const m = this.mqttConfig;
    const password = m.passwordFile ? readFileSync(m.passwordFile, 'utf8').replace(/\r?\n$/, '') : m.password;
    const will: TConnectorOffline = {
      v: 1,
      kind: 'offline',
      connectorId: this.address.connector,
      since: Date.now(),
    };
    const opts: IClientOptions = {
      protocolVersion: m.protocolVersion,
      // Client ids are global at the broker (a duplicate takes the other session over); the portal-issued username is
      // globally unique, connector codes are only unique per tenant. The broker's auth refuses any other client id.
      clientId: m.username ?? this.address.connector,
      clean: true,
      keepalive: m.keepaliveS,
      connectTimeout: m.connectTimeoutMs,
      reconnectPeriod: 0,
      username: m.username,
      password,
      will: {
        topic: statusTopic(this.address),
        payload: Buffer.from(JSON.stringify(will)),
        qos: 1,
        retain: false,
      },
    };
    if (m.protocolVersion === 5) opts.properties = { sessionExpiryInterval: 0 };
    if (m.url.startsWith('mqtts:')) {
      opts.rejectUnauthorized = true;
      if (m.tls?.caFile) opts.ca = readFileSync(m.tls.caFile);
      if (m.tls?.certFile) opts.cert = readFileSync(m.tls.certFile);
      if (m.tls?.keyFile) opts.key = readFileSync(m.tls.keyFile);
      if (m.tls?.serverName) opts.servername = m.tls.serverName;
    }
    return opts;
  }

  private connect(): void {
    if (this.stopped) return;
    const gen = ++this.generation;
    let opts: IClientOptions;
    try {
      opts = this.options();
    } catch (e) {
      this.log.error('cannot prepare the MQTT connection', { error: (e as Error).message });
      this.scheduleReconnect();
      return;
    }
    const client = mqtt.connect(this.mqttConfig.url, opts);
    this.client = client;
    client.on('connect', (connack) => {
      if (gen !== this.generation) return;
      this.connected = true;
      if (this.refusalStreak === 0) this.attempt = 0;
      this.ackedThisConnection = false;
      this.blocked = false;
      this.sentUpTo = -1;
      this.inflight.clear();
      this.inflightMsgs.clear();
      this.counters.connects += 1;
      const serverMax = connack.properties?.receiveMaximum;
      this.window = Math.max(
        1,
        Math.min(this.mqttConfig.inflightWindow, serverMax ?? Number.POSITIVE_INFINITY),
      );
      this.log.info('connected to the broker', { url: this.mqttConfig.url, window: this.window });
      client.subscribe(commandTopic(this.address), { qos: 1 }, (err, granted) => {
        const code = granted?.[0]?.qos;
        if (err || (code !== undefined && code >= 0x80)) {
          this.log.warn('cannot subscribe to the command topic', { error: err?.message ?? `reason ${code}` });
        }
      });
      this.emit('connected');
      this.pump();
    });
    client.on('message', (topic, payload) => {
      if (gen === this.generation && topic === commandTopic(this.address)) this.emit('command', payload);
    });
    client.on('error', (err) => {
      if (gen !== this.generation) return;
      this.log.warn('MQTT error', { error: err.message });
    });
    client.on('close', () => {
      if (gen !== this.generation) return;
      const was = this.connected;
      // MQTT 3.1.1 has no negative PUBACK: a broker refusing a publish closes the connection instead.
      if (was && this.inflight.size > 0 && !this.ackedThisConnection) {
        this.refusalStreak += 1;
        this.attempt = Math.max(this.attempt, this.refusalStreak);
      }
      this.connected = false;
      this.generation += 1;
      this.inflight.clear();
      this.inflightMsgs.clear();
      client.end(true);
      if (was) this.emit('disconnected', 'connection closed');
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const { initialDelayMs, maxDelayMs } = this.mqttConfig.reconnect;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(this.attempt, 20));
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private pump(): void {
    const client = this.client;
    if (!this.connected || !client || this.blocked) return;
    const gen = this.generation;
    // Connector alarms first, one at a time each.
    if (this.inflightMsgs.size === 0) {
      for (const m of this.spool.messages(8)) {
        this.inflightMsgs.add(m.id);
        client.publish(alarmTopic(this.address), m.payload, { qos: 1 }, (err) => {
          if (gen !== this.generation) return;
          this.inflightMsgs.delete(m.id);
          if (!err) this.spool.ackMessage(m.id);
          else this.log.warn('alarm refused by the broker', { error: err.message });
        });
      }
    }
    const room = this.window - this.inflight.size;
    if (room <= 0) return;
    const topic = telemetryTopic(this.address);
    for (const batch of this.spool.next(this.sentUpTo, room)) {
      this.sentUpTo = batch.seq;
      this.inflight.add(batch.seq);
      this.counters.publishedBatches += 1;
      client.publish(topic, batch.payload, { qos: 1 }, (err) => {
        if (gen !== this.generation) return;
        this.inflight.delete(batch.seq);
        if (!err) {
          this.pendingAcks.push(batch.seq);
          this.scheduleAckFlush();
          return;
        }
        const code = (err as Error & { code?: number }).code ?? 0;
        const permanent = PERMANENT_REASON_CODES.has(code);
        this.emit('refused', batch.seq, code, err.message, permanent);
        if (permanent) {
          this.log.error('broker refused a batch for good: dropped', {
            seq: batch.seq,
            code,
            error: err.message,
          });
          this.spool.discard(batch.seq);
          this.pump();
        } else {
          // Keep the batch; stop sending on this connection and reconnect after a back-off.
          this.log.warn('broker refused a batch: retrying after reconnect', {
            seq: batch.seq,
            code,
            error: err.message,
          });
          this.blocked = true;
          this.refusalStreak += 1;
          this.attempt = Math.max(this.attempt, this.refusalStreak);
          client.end(true);
        }
      });
    }
  }

  private scheduleAckFlush(): void {
    if (this.ackFlushScheduled) return;
    this.ackFlushScheduled = true;
    setImmediate(() => {
      this.ackFlushScheduled = false;
      this.flushAcks();
      this.pump();
    });
  }

  private flushAcks(): void {
    if (this.pendingAcks.length === 0) return;
    const seqs = this.pendingAcks;
    this.pendingAcks = [];
    this.refusalStreak = 0;
    this.ackedThisConnection = true;
    const points = this.spool.ack(seqs);
    this.counters.ackedBatches += seqs.length;
    this.counters.ackedPoints += points;
    this.emit('acked', points, seqs.length);
  }
}
