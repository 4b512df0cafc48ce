export { ChdbDirectoryInUseError, openChdbDirectory } from './chdb-executor.ts';
export { DEFAULT_DATABASE, DEFAULT_RETENTION_DAYS, openTelemetryStore } from './open-telemetry-store.ts';
export { DEDUP_WINDOW, SCHEMA_VERSION } from './schema.ts';
export { BUCKET_LADDER_MS, chooseBucketMs } from './series-buckets.ts';
export * from './telemetry-store.ts';
