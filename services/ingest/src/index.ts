// @ingot/ingest: MQTT broker authorization (one source of truth for aedes, EMQX and Mosquitto) and the ingest
// pipeline (validate, batch, insert with dedup token, ack after commit). Subpath `@ingot/ingest/broker-auth`
// holds only the authorization part (what the web app's EMQX endpoints import).
export {
  AlarmEvaluator,
  RuleMonitor,
  type TAlarmEvaluatorCounters,
  type TAlarmEvaluatorOptions,
  type TRuleDecision,
} from './alarms/index.ts';
export * from './broker-auth/index.ts';
export {
  startEmbeddedBroker,
  type TConnectorPublishHandler,
  type TEmbeddedBroker,
  type TEmbeddedBrokerOptions,
} from './embedded-broker.ts';
export { readIngestEnv, serviceAccounts, type TIngestEnv } from './env.ts';
export { jsonLogger, type Logger, memoryLogger } from './logger.ts';
export {
  fileDeadLetterSink,
  memoryDeadLetterSink,
  type TDeadLetter,
  type TDeadLetterSink,
} from './pipeline/dead-letter.ts';
export {
  DEFAULT_INGEST_BATCHING,
  IngestPipeline,
  type TIngestBatching,
  type TIngestOutcome,
  type TStoredBatch,
} from './pipeline/ingest-pipeline.ts';
export { MqttIngest, type TMqttIngestOptions } from './pipeline/mqtt-ingest.ts';
export { topicIdentityResolver } from './pipeline/topic-identity.ts';
export {
  startEmbeddedIngest,
  type TEmbeddedIngest,
  type TEmbeddedIngestOptions,
} from './start-embedded-ingest.ts';
