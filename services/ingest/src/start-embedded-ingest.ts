import { parseTopic } from '@ingot/contracts';
import type { Db } from '@ingot/db';
import type { TelemetryStore } from '@ingot/telemetry';
import { AlarmEvaluator, type TAlarmEvaluatorOptions } from './alarms/alarm-evaluator.ts';
import { BrokerAuth, type TServiceAccount } from './broker-auth/broker-auth.ts';
import { credentialLookupFromDb } from './broker-auth/credential-lookup.ts';
import type { TCredentialLookup } from './broker-auth/identity.ts';
import { startEmbeddedBroker, type TEmbeddedBroker } from './embedded-broker.ts';
import type { Logger } from './logger.ts';
import type { TDeadLetterSink } from './pipeline/dead-letter.ts';
import { IngestPipeline, type TIngestBatching } from './pipeline/ingest-pipeline.ts';

export interface TEmbeddedIngestOptions {
  db: Db;
  store: TelemetryStore;
  deadLetters: TDeadLetterSink;
  log: Logger;
  host?: string;
  port?: number;
  services?: TServiceAccount[];
  batching?: Partial<TIngestBatching>;
  /** Defaults to app_connector_credentials on `db`. */
  lookup?: TCredentialLookup;
  /** Alarm rule evaluation on committed batches and connector alarms (on by default; `false` turns it off). */
  alarms?: false | Pick<TAlarmEvaluatorOptions, 'refreshMs' | 'staleCheckMs'>;
}

export interface TEmbeddedIngest {
  broker: TEmbeddedBroker;
  auth: BrokerAuth;
  pipeline: IngestPipeline;
  /** Null when alarm evaluation was turned off. */
  alarms: AlarmEvaluator | null;
  close(): Promise<void>;
}

/**
 * `npm start`'s telemetry entry: the embedded broker with ingest attached to its publish hook (aedes has no
 * shared subscriptions and no MQTT 5, so ingest runs inside the broker's process instead of subscribing). The
 * connector's PUBACK is sent only after its batch committed to the telemetry store.
 */
export async function startEmbeddedIngest(opts: TEmbeddedIngestOptions): Promise<TEmbeddedIngest> {
  const auth = new BrokerAuth({
    lookup: opts.lookup ?? credentialLookupFromDb(opts.db),
    services: opts.services ?? [],
    log: opts.log,
  });
  const alarms =
    opts.alarms === false
      ? null
      : new AlarmEvaluator({ db: opts.db, store: opts.store, log: opts.log, ...(opts.alarms ?? {}) }).start();
  const pipeline = new IngestPipeline({
    store: opts.store,
    db: opts.db,
    deadLetters: opts.deadLetters,
    log: opts.log,
    ...(opts.batching ? { batching: opts.batching } : {}),
    ...(alarms ? alarms.listeners : {}),
  });
  const broker = await startEmbeddedBroker({
    auth,
    log: opts.log,
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    onConnectorPublish: async (identity, topic, payload) => {
      const t = parseTopic(topic);
      if (!t.ok) throw new Error(t.error); // unreachable: authorizePublish checked the topic
      await pipeline.handle(identity, topic, t.topic.kind, payload);
    },
  });
  return {
    broker,
    auth,
    pipeline,
    alarms,
    async close() {
      await broker.close();
      await pipeline.drain();
      await alarms?.stop();
    },
  };
}
