import {
  batchDedupToken,
  decodeMessage,
  type TTelemetryAlarm,
  type TTelemetryBatch,
  type TTelemetryPoint,
  type TTopicKind,
  ZTelemetryAlarm,
  ZTelemetryBatch,
  ZTelemetryReply,
  ZTelemetryStatus,
} from '@ingot/contracts';
import type { Db } from '@ingot/db';
import { recordConnectorHeartbeat } from '@ingot/domain';
import type { EquipmentStateEvent, TelemetryPoint, TelemetryStore } from '@ingot/telemetry';
import type { TConnectorIdentity } from '../broker-auth/identity.ts';
import type { Logger } from '../logger.ts';
import type { TDeadLetterSink } from './dead-letter.ts';

export interface TIngestBatching {
  /** A flush starts when this many points are waiting ... */
  maxPoints: number;
  /** ... or this many messages ... */
  maxMessages: number;
  /** ... or this long after the first waiting message. */
  maxDelayMs: number;
  /** Inserts running at once during a flush. */
  insertConcurrency: number;
}

export const DEFAULT_INGEST_BATCHING: TIngestBatching = {
  maxPoints: 20_000,
  maxMessages: 200,
  maxDelayMs: 50,
  insertConcurrency: 4,
};

export interface TIngestPipelineOptions {
  store: TelemetryStore;
  /** For heartbeats (Connector.lastSeenAt / lastStatus); null leaves them unrecorded. */
  db: Db | null;
  deadLetters: TDeadLetterSink;
  log: Logger;
  batching?: Partial<TIngestBatching>;
  /** Retries of a failed insert before the message is given back unacknowledged. */
  insertAttempts?: number;
  /** Equipment state events come from string points of this tag. */
  stateTag?: string;
  /**
   * Called after a batch's insert committed (alarm evaluation). Not awaited by the acknowledgement: a slow or
   * failing listener never holds back or loses telemetry; its errors are logged.
   */
  onStored?: (stored: TStoredBatch) => void | Promise<void>;
  /** Called for an alarm a connector raised or cleared (e.g. spool-overflow), after validation. Errors are logged. */
  onConnectorAlarm?: (identity: TConnectorIdentity, alarm: TTelemetryAlarm) => void | Promise<void>;
}

/** A committed telemetry batch, as the alarm evaluation sees it. Identity from the broker, never the payload. */
export interface TStoredBatch {
  identity: TConnectorIdentity;
  points: readonly TelemetryPoint[];
  states: readonly EquipmentStateEvent[];
}

export type TIngestOutcome =
  | { status: 'stored'; points: number; dedupToken: string }
  | { status: 'recorded'; kind: TTopicKind }
  | { status: 'dead-lettered'; reason: string };

interface Pending {
  identity: TConnectorIdentity;
  tenantId: string;
  dedupToken: string;
  points: TelemetryPoint[];
  states: EquipmentStateEvent[];
  resolve: (o: TIngestOutcome) => void;
  reject: (e: Error) => void;
}

export interface TIngestCounters {
  storedBatches: number;
  storedPoints: number;
  heartbeats: number;
  deadLettered: number;
  insertFailures: number;
  flushes: number;
}

/**
 * Validates and stores what connectors publish. The caller (the embedded broker's hook or the MQTT subscriber)
 * passes the broker-authenticated identity: tenant, plant and connector come from it, never from the topic or
 * the payload (a payload naming another connector is dead-lettered). Telemetry batches wait to be flushed by
 * size or time; each is inserted with its own dedup token `{registered connector id}:{batchSeq}` (ClickHouse
 * deduplicates per insert token, so batches cannot be merged into one insert without losing exactly-once); the
 * returned promise settles only after the insert committed, and the caller acknowledges the MQTT message then.
 */
export class IngestPipeline {
  private readonly opts: TIngestPipelineOptions;
  private readonly batching: TIngestBatching;
  private queue: Pending[] = [];
  private queuedPoints = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  readonly counters: TIngestCounters = {
    storedBatches: 0,
    storedPoints: 0,
    heartbeats: 0,
    deadLettered: 0,
    insertFailures: 0,
    flushes: 0,
  };
  /** Dead letters per connector id. */
  readonly deadLettersByConnector = new Map<string, number>();

  constructor(opts: TIngestPipelineOptions) {
    this.opts = opts;
    this.batching = { ...DEFAULT_INGEST_BATCHING, ...opts.batching };
  }

  async handle(
    identity: TConnectorIdentity,
    topic: string,
    kind: TTopicKind,
    payload: Buffer,
  ): Promise<TIngestOutcome> {
    switch (kind) {
      case 'telemetry': {
        const r = decodeMessage(ZTelemetryBatch, payload);
        if (!r.ok) return this.deadLetter(identity, topic, payload, `invalid telemetry batch: ${r.error}`);
        const mismatch = this.connectorMismatch(identity, r.value.connectorId);
        if (mismatch) return this.deadLetter(identity, topic, payload, mismatch);
        return this.enqueue(identity, r.value);
      }
      case 'status': {
        const r = decodeMessage(ZTelemetryStatus, payload);
        if (!r.ok) return this.deadLetter(identity, topic, payload, `invalid status: ${r.error}`);
        const mismatch = this.connectorMismatch(identity, r.value.connectorId);
        if (mismatch) return this.deadLetter(identity, topic, payload, mismatch);
        if (this.opts.db) {
          await recordConnectorHeartbeat(this.opts.db, {
            tenantId: identity.tenantId,
            connectorId: identity.connectorId,
            message: r.value,
            receivedAt: new Date(),
          });
        }
        this.counters.heartbeats += 1;
        return { status: 'recorded', kind };
      }
      case 'alarm': {
        const r = decodeMessage(ZTelemetryAlarm, payload);
        if (!r.ok) return this.deadLetter(identity, topic, payload, `invalid alarm: ${r.error}`);
        const mismatch = this.connectorMismatch(identity, r.value.connectorId);
        if (mismatch) return this.deadLetter(identity, topic, payload, mismatch);
        this.opts.log.warn('connector alarm', {
          event: 'connector.alarm',
          tenantId: identity.tenantId,
          connectorId: identity.connectorId,
          code: r.value.code,
          state: r.value.state,
          severity: r.value.severity,
          subject: r.value.subject,
          message: r.value.message,
        });
        this.notify('onConnectorAlarm', () => this.opts.onConnectorAlarm?.(identity, r.value));
        return { status: 'recorded', kind };
      }
      case 'reply': {
        const r = decodeMessage(ZTelemetryReply, payload);
        if (!r.ok) return this.deadLetter(identity, topic, payload, `invalid reply: ${r.error}`);
        const mismatch = this.connectorMismatch(identity, r.value.connectorId);
        if (mismatch) return this.deadLetter(identity, topic, payload, mismatch);
        this.opts.log.info('connector reply', {
          event: 'connector.reply',
          connectorId: identity.connectorId,
          commandId: r.value.commandId,
          ok: r.value.ok,
        });
        return { status: 'recorded', kind };
      }
      default:
        return this.deadLetter(identity, topic, payload, `connectors do not publish ${kind} messages`);
    }
  }

  /** Waits for everything queued to be flushed. */
  async drain(): Promise<void> {
    while (this.queue.length > 0) this.flushNow();
    await this.flushing;
  }

  /** Runs a listener without letting it delay or fail the message; its errors are logged. */
  private notify(listener: string, call: () => void | Promise<void> | undefined): void {
    const failed = (e: unknown) =>
      this.opts.log.error('listener failed', { event: 'ingest.listener-failed', listener, error: String(e) });
    try {
      Promise.resolve(call()).catch(failed);
    } catch (e) {
      failed(e);
    }
  }

  private connectorMismatch(identity: TConnectorIdentity, claimed: string): string | null {
    return claimed === identity.connectorCode
      ? null
      : `payload connectorId "${claimed.slice(0, 64)}" is not the authenticated connector "${identity.connectorCode}"`;
  }

  private deadLetter(
    identity: TConnectorIdentity,
    topic: string,
    payload: Buffer,
    reason: string,
  ): TIngestOutcome {
    this.counters.deadLettered += 1;
    const n = (this.deadLettersByConnector.get(identity.connectorId) ?? 0) + 1;
    this.deadLettersByConnector.set(identity.connectorId, n);
    this.opts.deadLetters.write({
      at: new Date().toISOString(),
      connectorId: identity.connectorId,
      tenantId: identity.tenantId,
      username: identity.username,
      topic,
      reason,
      bytes: payload.length,
      head: payload.subarray(0, 2048).toString('utf8'),
    });
    this.opts.log.warn('dead-lettered', {
      event: 'ingest.dead-letter',
      connectorId: identity.connectorId,
      username: identity.username,
      topic,
      reason,
      deadLettered: n,
    });
    return { status: 'dead-lettered', reason };
  }

  private enqueue(identity: TConnectorIdentity, batch: TTelemetryBatch): Promise<TIngestOutcome> {
    const stateTag = this.opts.stateTag ?? 'state';
    const points = batch.points.map((p) => toStorePoint(identity, p));
    const states: EquipmentStateEvent[] = batch.points
      .filter((p) => p.tag === stateTag && typeof p.value === 'string' && p.quality !== 'bad')
      .map((p) => ({
        plantId: identity.plantId,
        connectorId: identity.connectorId,
        equipment: p.equipment,
        ts: p.ts,
        state: String(p.value).toLowerCase().slice(0, 32),
      }));
    const dedupToken = batchDedupToken({ connectorId: identity.connectorId, batchSeq: batch.batchSeq });
    return new Promise<TIngestOutcome>((resolve, reject) => {
      this.queue.push({ identity, tenantId: identity.tenantId, dedupToken, points, states, resolve, reject });
      this.queuedPoints += points.length;
      if (this.queuedPoints >= this.batching.maxPoints || this.queue.length >= this.batching.maxMessages) {
        this.flushNow();
      } else if (!this.timer) {
        this.timer = setTimeout(() => this.flushNow(), this.batching.maxDelayMs);
      }
    });
  }

  private flushNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.queue;
    this.queue = [];
    this.queuedPoints = 0;
    if (batch.length === 0) return;
    // Flushes run one after another, so inserts never pile up beyond insertConcurrency.
    this.flushing = this.flushing.then(() => this.flush(batch));
  }

  private async flush(batch: Pending[]): Promise<void> {
    this.counters.flushes += 1;
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const item = batch[next++] as Pending;
        try {
          await this.insertWithRetry(item);
          this.counters.storedBatches += 1;
          this.counters.storedPoints += item.points.length;
          item.resolve({ status: 'stored', points: item.points.length, dedupToken: item.dedupToken });
          this.notify('onStored', () =>
            this.opts.onStored?.({ identity: item.identity, points: item.points, states: item.states }),
          );
        } catch (e) {
          item.reject(e as Error);
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(this.batching.insertConcurrency, batch.length) }, worker),
    );
  }

  private async insertWithRetry(item: Pending): Promise<void> {
    const attempts = this.opts.insertAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.opts.store.insertPoints(item.tenantId, item.points, { dedupToken: item.dedupToken });
        if (item.states.length > 0) {
          await this.opts.store.insertStateEvents(item.tenantId, item.states, {
            dedupToken: `${item.dedupToken}:state`,
          });
        }
        return;
      } catch (e) {
        this.counters.insertFailures += 1;
        this.opts.log.warn('insert failed', {
          dedupToken: item.dedupToken,
          attempt,
          error: (e as Error).message,
        });
        if (attempt >= attempts) throw e;
        await new Promise((r) => setTimeout(r, 200 * 4 ** (attempt - 1)));
      }
    }
  }
}

// One object literal of one shape per point (no spread): this runs for every point on the ingest's event loop.
function toStorePoint(identity: TConnectorIdentity, p: TTelemetryPoint): TelemetryPoint {
  const v = p.value;
  return {
    plantId: identity.plantId,
    connectorId: identity.connectorId,
    equipment: p.equipment,
    tag: p.tag,
    ts: p.ts,
    quality: p.quality,
    value: typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null,
    text: typeof v === 'string' ? v : null,
  };
}
