// `@ingot/ingest/emqx`: what the web app's EMQX hook routes need, without the broker, MQTT client or store.
export * from './broker-auth/index.ts';
export { readIngestEnv, serviceAccounts, type TIngestEnv } from './env.ts';
export { jsonLogger, type Logger } from './logger.ts';
