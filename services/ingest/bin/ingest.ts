/**
 * One ingest replica against an external broker (EMQX in production, Mosquitto in tests):
 *
 *   MQTT_URL=mqtt://127.0.0.1:18830 DATABASE_URL=... INGEST_MQTT_PASSWORD=... INGEST_REPLICA=0 \
 *   INGEST_SHARE_GROUP=secret [CLICKHOUSE_URL=http://...] tsx services/ingest/bin/ingest.ts
 *
 * Logs in as `ingot-ingest-<INGEST_REPLICA>` (username = client id, persistent session), joins the shared
 * subscription and acknowledges each message only after its insert committed. Without CLICKHOUSE_URL it writes
 * to chDB in INGEST_CHDB_DIR (one directory per process). SIGTERM/SIGINT: stop taking messages, drain, exit.
 */
import { createDb } from '@ingot/db';
import { openTelemetryStore } from '@ingot/telemetry';
import { AlarmEvaluator } from '../src/alarms/alarm-evaluator.ts';
import { credentialLookupFromDb, shareGroupFor } from '../src/broker-auth/index.ts';
import { readIngestEnv } from '../src/env.ts';
import { jsonLogger } from '../src/logger.ts';
import { fileDeadLetterSink, memoryDeadLetterSink } from '../src/pipeline/dead-letter.ts';
import { IngestPipeline } from '../src/pipeline/ingest-pipeline.ts';
import { MqttIngest } from '../src/pipeline/mqtt-ingest.ts';
import { topicIdentityResolver } from '../src/pipeline/topic-identity.ts';

const env = readIngestEnv();
const log = jsonLogger('ingest');
const databaseUrl = process.env.DATABASE_URL;
if (!env.MQTT_URL) throw new Error('MQTT_URL is required');
if (!env.INGEST_MQTT_PASSWORD) throw new Error('INGEST_MQTT_PASSWORD is required');
if (!databaseUrl) throw new Error('DATABASE_URL is required (connector registry and heartbeats)');

const db = createDb({ kind: 'postgres', url: databaseUrl, poolMax: 4 });
const store = env.CLICKHOUSE_URL
  ? openTelemetryStore({
      backend: 'server',
      url: env.CLICKHOUSE_URL,
      ...(env.CLICKHOUSE_USER ? { username: env.CLICKHOUSE_USER } : {}),
      ...(env.CLICKHOUSE_PASSWORD ? { password: env.CLICKHOUSE_PASSWORD } : {}),
    })
  : openTelemetryStore({
      backend: 'chdb',
      dataDir: env.INGEST_CHDB_DIR ?? `.ingot/chdb-ingest-${env.INGEST_REPLICA}`,
    });
await store.ensureSchema();
// Alarm rules are evaluated in every replica on the batches it stored; the alarm's open key keeps replicas from
// raising one condition twice.
const alarms = new AlarmEvaluator({ db, store, log }).start();
const pipeline = new IngestPipeline({
  store,
  db,
  deadLetters: env.INGEST_DEAD_LETTER_DIR
    ? fileDeadLetterSink(env.INGEST_DEAD_LETTER_DIR)
    : memoryDeadLetterSink(),
  log,
  ...alarms.listeners,
});
const ingest = new MqttIngest({
  url: env.MQTT_URL,
  username: `ingot-ingest-${env.INGEST_REPLICA}`,
  password: env.INGEST_MQTT_PASSWORD,
  shareGroup:
    env.INGEST_SHARE_GROUP === 'secret' ? shareGroupFor(env.INGEST_MQTT_PASSWORD) : env.INGEST_SHARE_GROUP,
  pipeline,
  resolveIdentity: topicIdentityResolver(credentialLookupFromDb(db)),
  log,
});
await ingest.start();

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { counters: { ...ingest.counters, ...pipeline.counters } });
  await ingest.stop();
  await pipeline.drain();
  await alarms.stop();
  await store.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
